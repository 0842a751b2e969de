# An article in English: translations in place, inline elements reordered
# with their links, placeholders restored; untranslated, fuzzy, copied and
# rejected texts in French with xml:lang="fr"; editor notes left out.
traduki build --lang=en --po=data/en.po --its="$top_srcdir/content/article.its" -o "$tmp/en" data/article.xml; rc=$?; cat "$tmp/en/article.xml" "$tmp/en/manifest.xml"; exit $rc
