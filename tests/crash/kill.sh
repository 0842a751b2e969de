#!/bin/sh
# Crash safety: each command that writes files is killed with SIGKILL at
# random moments (CRASH_RUNS times, 30 by default), and every file it
# writes must then be either its complete old version or its complete new
# one.  tests/crash/crash-safe does the killing and the checking; a
# command is one line here: a name, the state before (shell code run in a
# scratch folder), the command, what it writes.
set -u
: "${TRADUKI:?}" "${top_srcdir:?}"
src=$top_srcdir
SOURCE_DATE_EPOCH=0 # outputs that do not depend on the time
# With the sanitizers, no leak check at exit: it would stretch every run
# past the moment its files are written.
ASAN_OPTIONS=detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}
export TRADUKI src SOURCE_DATE_EPOCH ASAN_OPTIONS
status=0
check() { sh "$src/tests/crash/crash-safe" "$@" || status=1; }

# The fixtures: the template of one article (old) or of all (new); the
# site of tests/site in French and English (old) or in every language (new).
one_article='mkdir po && "$TRADUKI" extract --its="$src/content/article.its" -o po/content.pot "$src/content/fr/trois-ans-dont-look-away.xml"'
all_articles='"$TRADUKI" extract --its="$src/content/article.its" --its="$src/content/site.its" -o po/content.pot "$src"/content/fr/*.xml "$src/content/site.xml"'
site() { echo "\"\$TRADUKI\" build -q --site=\"\$src/tests/site/xml/fr/site.xml\" --xml=\"\$src/tests/site/xml\" --templates=\"\$src/templates\" -o public ${1:-}"; }

# Each command is killed outright (SIGKILL: the next run removes what it
# left), then interrupted (SIGINT, ^C) and terminated (SIGTERM), five times each, which
# must leave no temporary file at all.
for how in "" "-s INT -n ${CRASH_SIGNAL_RUNS:-5}" "-s TERM -n ${CRASH_SIGNAL_RUNS:-5}"; do
	# shellcheck disable=SC2086 # $how is options, split on purpose
	check $how extract-o "$one_article" "$all_articles" po/content.pot
	# public/.traduki-files is the site build's journal: written before the
	# pages, naming those still to be made, and again at the end.
	check $how -j public/.traduki-files build-site "$(site --languages=en)" "$(site)" public
	check $how merge-update 'cp "$src/tests/check/coverage-nl.po" nl.po' \
		'"$TRADUKI" merge -q -U nl.po "$src/po/content.pot"' nl.po
	check $how build-lang \
		'"$TRADUKI" build --lang=nl --po="$src/tests/check/coverage-nl.po" --its="$src/content/article.its" -o xml "$src"/content/fr/*.xml' \
		'"$TRADUKI" build --lang=nl --po="$src/po/nl.po" --its="$src/content/article.its" -o xml "$src"/content/fr/*.xml' xml
done

exit $status
