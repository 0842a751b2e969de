# A named pipe where a file is read: refused at once, named, never waited
# on (no writer ever comes).  The pipe is opened for no one.
. ./lib.sh
mkfifo "$tmp/pipe.xml" "$tmp/pipe.po" "$tmp/pipe.its" "$tmp/list" || exit 99
t() { timeout 60 ${TRADUKI_WRAPPER:-} "$TRADUKI" "$@"; }
t extract "$tmp/pipe.xml"; echo "a source: rc=$?"
t extract --its="$tmp/pipe.its" article.xml; echo "rules: rc=$?"
t check "$tmp/pipe.po"; echo "check: rc=$?"
t merge -U "$tmp/pipe.po" "$tmp/pipe.po"; echo "merge -U: rc=$?"
t build --lang=nl --po="$tmp/pipe.po" -o "$tmp/xml" article.xml; echo "build --po: rc=$?"
t build --lang=fr -f "$tmp/list" -o "$tmp/xml"; echo "build -f: rc=$?"
mkdir "$tmp/docs" && cp article.xml "$tmp/docs/a.xml" && mkfifo "$tmp/docs/b.xml"
t validate --schema="$top_srcdir/content/article.rng" "$tmp/docs"; echo "a folder holding one: rc=$?"
