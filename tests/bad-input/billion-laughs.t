. ./lib.sh
# Ten levels of ten references each: a billion "lol" if expanded.
{
	echo '<?xml version="1.0"?>'
	echo '<!DOCTYPE p [<!ENTITY l0 "lol">'
	for i in 1 2 3 4 5 6 7 8 9; do
		printf '<!ENTITY l%d "' $i
		for j in 1 2 3 4 5 6 7 8 9 10; do printf '&l%d;' $((i - 1)); done
		echo '">'
	done
	echo ']>'
	echo '<p>&l9;</p>'
} >"$tmp/laughs.xml"
guarded "$tmp/content.pot" traduki extract -o "$tmp/content.pot" "$tmp/laughs.xml"
