# --languages gives the languages and the switcher's order (source first).
traduki build -q --site=xml/fr/site.xml --xml=xml --languages="nl en" --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
sed -n '/class="languages"/,/<\/nav>/p' "$tmp/public/fr/news/formation-managers-accor.html"
