# plural-forms: the expression check tells a translator to use is the one
# merge --create writes for the language (ru's used to differ).
traduki merge -q --create --lang=ru -o $tmp/ru.po $tmp/ru.po ../merge/basic.pot
written=$(sed -n '/^"Plural-Forms:/,/\\n"$/p' $tmp/ru.po | sed 's/^"//; s/"$//' | tr -d '\n' |
	sed 's/^Plural-Forms: //; s/\\n$//')
told=$(traduki check --only=plural-forms plural-missing.po 2>&1 |
	sed -n 's/.*use "Plural-Forms: \(.*\)"$/\1/p')
if [ -n "$written" ] && [ "$written" = "$told" ]; then
	echo agree
else
	echo "merge writes '$written', check tells '$told'"
fi
