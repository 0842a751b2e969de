# Every hreflang alternate of every page of the built site points to the
# same content in the other language, and the alternates are reciprocal,
# the x-default target included; the sitemap gives the same alternates.
# Checked on the bundled content and on the fixture site of tests/site.
. ./setup.sh
pipeline translate >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
"$top_srcdir/tests/workflow/check-alternates" "$out/public" https://www.ecpat.be/
cd "$top_srcdir/tests/site" &&
traduki build -q --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" --static=images -o "$tmp/fixture" &&
"$top_srcdir/tests/workflow/check-alternates" "$tmp/fixture" https://www.ecpat.be/
