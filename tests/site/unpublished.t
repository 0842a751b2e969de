# An article below the threshold (vingt-ans... in English and Arabic) keeps
# its address there: a page that says so in the language, leads to the
# versions that exist, and asks search engines not to list it.  No other
# page links to it, and it has no place in the switcher, the alternates or
# the sitemap.
traduki build -q --site=xml/fr/site.xml --xml=xml --templates="$top_srcdir/templates" --static=images -o "$tmp/public" &&
cd "$tmp/public" &&
echo "en/news:" $(ls en/news) && echo "ar/news:" $(ls ar/news) &&
echo "pages that mention it in en, ar:" $(grep -rl vingt-ans en ar | grep -v 'news/vingt-ans') &&
echo "its switcher:" $(sed -n '/class="languages"/,/<\/nav>/p' fr/news/vingt-ans-loi-extraterritoriale.html | grep -o 'hreflang="[a-z]*"') &&
echo "its alternates in the sitemap:" &&
sed -n '/<loc>[^<]*fr\/news\/vingt-ans/,/<\/url>/p' sitemap.xml | grep -o 'hreflang="[a-z-]*"' &&
echo "the English page:" &&
sed -n '/<main/,/<\/main>/p' en/news/vingt-ans-loi-extraterritoriale.html &&
grep -o '<meta name="robots"[^>]*>\|<link rel="alternate" hreflang[^>]*>' en/news/vingt-ans-loi-extraterritoriale.html
