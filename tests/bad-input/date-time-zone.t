# A date with a time zone (2024-05-01+02:00), or with whitespace around,
# is an xs:date the schema takes: build --lang gives the manifest its day,
# and the site shows it.  A year that no page, feed or sitemap can carry
# (the schema's type takes it, its pattern does not) is an error at the
# article's line.
. ./lib.sh
mkdir "$tmp/fr" || exit 99
source=$top_srcdir/content/fr/formation-managers-accor.xml
for d in '2024-05-01+02:00' '2024-05-01Z' '2024-05-01-14:00' ' 2024-02-29 '; do
	name=a$(printf '%s' "$d" | tr -dc '0-9')
	sed "s/date=\"[^\"]*\"/date=\"$d\"/; s/id=\"formation-managers-accor\"/id=\"$name\"/" \
		"$source" >"$tmp/fr/$name.xml"
done
traduki validate -q --schema="$top_srcdir/content/article.rng" "$tmp/fr" && echo valid
traduki build -q --lang=fr -o "$tmp/xml/fr" "$tmp/fr" || exit
grep -o 'id="[^"]*" file="[^"]*" date="[^"]*"' "$tmp/xml/fr/manifest.xml"
# The site, from fixtures whose manifests carry time zones.
cp -r ../site/xml "$tmp/site" && chmod -R u+w "$tmp/site" &&
	sed -i 's/date="\([0-9-]*\)"/date="\1+02:00"/' "$tmp/site"/*/manifest.xml "$tmp/site"/*/[a-z]*-*.xml || exit 99
traduki build -q --site="$tmp/site/fr/site.xml" --xml="$tmp/site" --languages=en \
	--templates="$top_srcdir/templates" -o "$tmp/public" 2>/dev/null
echo "site: rc=$?"
grep -ho '<time datetime="[^"]*">[^<]*' "$tmp/public/en/news/formation-managers-accor.html" "$tmp/public/en/index.html" | sort -u
grep -c 'T00:00:00Z' "$tmp/public/en/feed.xml"
for d in '12024-05-01' '-0044-03-15' '0000-01-01'; do
	sed "s/date=\"[^\"]*\"/date=\"$d\"/" "$source" >"$tmp/bad.xml"
	traduki validate -q --schema="$top_srcdir/content/article.rng" "$tmp/bad.xml" 2>/dev/null || echo "$d: not valid"
	traduki build -q --lang=fr -o "$tmp/xml/bad" "$tmp/bad.xml"; echo "$d: rc=$?"
done
