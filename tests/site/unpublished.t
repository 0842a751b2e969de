# An article below the threshold (vingt-ans... in English and Arabic) has no
# page, no link, no place in the switcher, the alternates or the sitemap.
traduki build -q --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" -o "$tmp/public" &&
cd "$tmp/public" &&
echo "en/news:" $(ls en/news) && echo "ar/news:" $(ls ar/news) &&
echo "pages that mention it in en, ar:" $(grep -rl vingt-ans en ar) &&
echo "its switcher:" $(sed -n '/class="languages"/,/<\/nav>/p' fr/news/vingt-ans-loi-extraterritoriale.html | grep -o 'hreflang="[a-z]*"') &&
echo "its alternates in the sitemap:" &&
sed -n '/<loc>[^<]*fr\/news\/vingt-ans/,/<\/url>/p' sitemap.xml | grep -o 'hreflang="[a-z-]*"'
