# A previous build's list that names files below a link (old -> a folder
# of the user's), or a link where a file of its was: what it names is not
# removed unless it is a regular file below folders of the output folder.
. ./lib.sh
site "$tmp/public" 2>/dev/null || exit 99
mkdir -p "$tmp/user/news" && keep "$tmp/user/index.html" "$tmp/user/news/only.html" || exit 99
ln -s ../user "$tmp/public/old" && ln -s ../user/index.html "$tmp/public/gone.html"
printf 'old/index.html\nold/news/only.html\ngone.html\n' >>"$tmp/public/.traduki-files"
site "$tmp/public" 2>"$tmp/err"
echo "rc=$?"
grep -v 'is not a file of the site' "$tmp/err" >&2
kept "$tmp/user/index.html" "$tmp/user/news/only.html"
test -L "$tmp/public/old" && test -L "$tmp/public/gone.html" || echo "DAMAGED: a link was removed" >&2
