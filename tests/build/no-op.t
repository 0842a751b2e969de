# A second build with nothing changed rewrites nothing; a changed
# translation rewrites its document only (the manifest's counts stay).
cp data/en.po "$tmp/en.po"
build() { traduki build --lang=en --po="$tmp/en.po" --its="$top_srcdir/content/article.its" -o "$tmp/en" data/article.xml 2>/dev/null | sed "s|$tmp/||"; }
build; touch -d '2000-01-01' "$tmp/en"/*
build; find "$tmp/en" -type f -newer "$tmp/en.po"
sed -i 's/A translated caption\./A caption, translated again./' "$tmp/en.po"
build; find "$tmp/en" -type f -newer "$tmp/en.po" | sed "s|$tmp/||"
