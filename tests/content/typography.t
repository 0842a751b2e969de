# French typography in the sources: no plain space or none before ; ! ? and
# no straight apostrophe in text (the site footer's official wording aside).
cd "$top_srcdir/content" &&
grep -nP '(?<![\x{00A0}\x{202F}])[;!?](?![^<]*>)' fr/*.xml | grep -v '^[^:]*:1:' ;
grep -nP ">[^<]*'" fr/*.xml site.xml | grep -v 'Copyright ECPAT' ;
echo checked
