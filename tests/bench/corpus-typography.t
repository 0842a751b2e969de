# French typography in generated text: a no-break space before : ; ! ?,
# a curly apostrophe, and groups of digits apart by narrow no-break spaces.
"$top_srcdir/bench/gen-corpus" -q -n 30 --seed=11 -o "$tmp" && cd "$tmp" &&
grep -nP '(?<![\x{00A0}\x{202F}])[:;!?](?![^<]*>)' ./*.xml | grep -v '^[^:]*:1:' ;
grep -nP ">[^<]*'" ./*.xml ;
grep -nP '\d \d{3}\b' ./*.xml ;
grep -qP '\d\x{202F}\d{3}' ./*.xml && grep -qP '\d\x{00A0}(km|€|%)' ./*.xml && echo checked
