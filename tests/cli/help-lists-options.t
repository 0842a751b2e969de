# Every long option a command takes is in its --help: the options of each
# src/cmd-*.c's table, against what "traduki CMD --help" prints.
for f in "$top_srcdir"/src/cmd-*.c; do
	cmd=$(basename "$f" .c | sed 's/^cmd-//')
	help=$(traduki "$cmd" --help 2>&1) || { echo "$cmd: --help failed"; continue; }
	n=0
	for o in $(grep -o '{ "[a-z][a-z0-9-]*", *[a-z]*_argument' "$f" | sed 's/{ "\([^"]*\)".*/\1/'); do
		n=$((n + 1))
		printf '%s\n' "$help" | grep -q -e "--$o\\b" || echo "$cmd: --$o is not in its --help"
	done
	echo "$cmd: $n options"
done
