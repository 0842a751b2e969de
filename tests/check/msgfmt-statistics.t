# The message counts are msgfmt's, but for copies of the source ("identical").
for po in coverage-nl.po coverage-en.po; do
	msgfmt --statistics -o /dev/null $po 2>&1
	traduki check --format=json $po | grep '"messages"' | head -n 1
done
