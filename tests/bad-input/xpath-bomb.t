# A selector or a pointer whose work grows with the cube of an article of
# 11 KB: stopped at the bound on the work of the rules (libxml2's XPath
# operation limit), at the rule's file and line, in a rules file or in the
# document's own rules.
. ./lib.sh
bomb='//*[count(//*[count(//*) &gt; 0]) &gt; 0]'
article() { # article RULES: an article with 300 paragraphs, RULES in it
	printf '<article id="a" date="2026-01-01" xml:lang="fr">%s\n' "$1"
	i=0
	while [ $i -lt 300 ]; do printf '<p>Paragraphe %d <em>x</em></p>\n' $i; i=$((i + 1)); done
	printf '</article>\n'
}
article '' >"$tmp/article.xml"
printf '<its:rules xmlns:its="http://www.w3.org/2005/11/its" version="2.0">\n  <its:translateRule selector="%s" translate="no"/>\n</its:rules>\n' "$bomb" >"$tmp/bomb.its"
printf '<its:rules xmlns:its="http://www.w3.org/2005/11/its" version="2.0">\n  <its:locNoteRule selector="//p" locNotePointer="count(//*[count(//*) &gt; 0])"/>\n</its:rules>\n' >"$tmp/pointer.its"
article "<its:rules xmlns:its=\"http://www.w3.org/2005/11/its\" version=\"2.0\"><its:withinTextRule selector=\"$bomb\" withinText=\"yes\"/></its:rules>" >"$tmp/own.xml"
traduki extract --its="$tmp/bomb.its" "$tmp/article.xml" >/dev/null; echo "a rules file: rc=$?"
traduki extract --its="$tmp/pointer.its" "$tmp/article.xml" >/dev/null; echo "a pointer: rc=$?"
traduki extract "$tmp/own.xml" >/dev/null; echo "the document's rules: rc=$?"
traduki build --lang=fr --its="$tmp/bomb.its" -o "$tmp/xml" "$tmp/article.xml"; echo "build: rc=$?"
traduki its --category=translate --its="$tmp/bomb.its" "$tmp/article.xml" >/dev/null; echo "its: rc=$?"
