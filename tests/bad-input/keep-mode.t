# A file replaced in place keeps its permissions, and its owner and group
# where traduki may set them (here, as root, they are kept too): a private
# catalog stays private.  Catalogs (merge -U, its backup), a template
# (extract -o), a report (check --html) and localized XML alike.
. ./lib.sh
cp ../check/coverage-nl.po "$tmp/private.po" && cp ../check/coverage-nl.po "$tmp/shared.po" || exit 99
chmod 600 "$tmp/private.po" && chmod 660 "$tmp/shared.po"
# As root, a group and an owner of someone else's, which a user could not set.
if [ "$(id -u)" -eq 0 ]; then
	chown 4242:4343 "$tmp/shared.po"
fi
traduki merge -q -U --backup=simple "$tmp/private.po" "$top_srcdir/po/content.pot" || exit
traduki merge -q -U "$tmp/shared.po" "$top_srcdir/po/content.pot" || exit
stat -c '%n %a' "$tmp/private.po" "$tmp/private.po~" "$tmp/shared.po" | sed 's|.*/||'
if [ "$(id -u)" -eq 0 ]; then
	stat -c '%u:%g' "$tmp/shared.po"
else
	echo 4242:4343 # (a user keeps only the groups it is in)
fi
SOURCE_DATE_EPOCH=0 traduki extract -o "$tmp/content.pot" article.xml && chmod 640 "$tmp/content.pot" &&
	printf '<p>Un autre</p>\n' >"$tmp/other.xml" &&
	SOURCE_DATE_EPOCH=0 traduki extract -o "$tmp/content.pot" article.xml "$tmp/other.xml" || exit
traduki check --html="$tmp/status.html" "$tmp/private.po" >/dev/null 2>&1
chmod 604 "$tmp/status.html" && traduki check --html="$tmp/status.html" "$tmp/shared.po" >/dev/null 2>&1
traduki build -q --lang=fr -o "$tmp/xml" article.xml && chmod 400 "$tmp/xml/article.xml" &&
	sed 's/Un titre/Un autre titre/' article.xml >"$tmp/article.xml" &&
	traduki build -q --lang=fr -o "$tmp/xml" "$tmp/article.xml" || exit
stat -c '%n %a' "$tmp/content.pot" "$tmp/status.html" "$tmp/xml/article.xml" | sed 's|.*/||'
grep -c 'autre' "$tmp/content.pot" "$tmp/xml/article.xml" | sed 's|.*/||'
no_leftovers "$tmp"
