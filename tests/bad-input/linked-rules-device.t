# Rules linked from a rules file or a document (its:rules xlink:href) that
# are a device or a named pipe: refused and named, never read.
. ./lib.sh
mkfifo "$tmp/pipe.its" || exit 99
for target in /dev/zero "$tmp/pipe.its"; do
	cat >"$tmp/link.its" <<RULES
<its:rules xmlns:its="http://www.w3.org/2005/11/its" xmlns:xlink="http://www.w3.org/1999/xlink"
  version="2.0" xlink:href="$target"/>
RULES
	cat >"$tmp/doc.xml" <<DOC
<article id="a" date="2026-01-01" xml:lang="fr">
  <its:rules xmlns:its="http://www.w3.org/2005/11/its" xmlns:xlink="http://www.w3.org/1999/xlink"
    version="2.0" xlink:href="$target"/>
  <title>Un titre</title>
</article>
DOC
	timeout 60 ${TRADUKI_WRAPPER:-} "$TRADUKI" extract --its="$tmp/link.its" article.xml
	echo "linked from rules: rc=$?"
	timeout 60 ${TRADUKI_WRAPPER:-} "$TRADUKI" extract "$tmp/doc.xml"
	echo "linked from a document: rc=$?"
done
