# The status page lists at most --html-problems=N problems per language
# (doc/check.md): past it, the errors first (a rejected translation, at
# line 34, before the warning of line 15), and a line that says how many
# more and where they are; 0 lists them all, in the catalog's order.
list() { # list N: the problems the page lists, and its line about the others
	traduki check --site=site.xml --html="$tmp/status.html" --html-problems="$1" \
		review-nl.po >/dev/null 2>&1
	echo "--html-problems=$1: exit status $?"
	grep -o '<p class="more">[^<]*\|href="[^"]*">review-nl.po:[0-9]*\|<code>review-nl.po:[0-9]*' \
		"$tmp/status.html" | sed 's/.*review-nl/review-nl/'
}
list 1
list 2
list 0
traduki check --html-problems=some review-nl.po
