# Symbolic links in a static folder: a link to a file inside is followed;
# one that leads outside (to a secret), nowhere, or to a folder (loop ->
# ..), and a named pipe, are left out with a warning.  Nothing outside the
# folder is published, and no walk loops.
. ./lib.sh
mkdir -p "$tmp/content/images/sub" && cp secret.txt "$tmp/content/notes.txt" &&
printf 'GIF89a' >"$tmp/content/images/logo.gif" && printf 'x' >"$tmp/content/images/sub/a.png" &&
ln -s ../notes.txt "$tmp/content/images/secret.gif" &&
ln -s /etc/passwd "$tmp/content/images/passwd.gif" &&
ln -s .. "$tmp/content/images/loop" && ln -s . "$tmp/content/images/self" &&
ln -s sub "$tmp/content/images/subdir" && ln -s logo.gif "$tmp/content/images/alias.gif" &&
ln -s sub/a.png "$tmp/content/images/deep.png" && ln -s nowhere "$tmp/content/images/dangling.gif" &&
mkfifo "$tmp/content/images/pipe.gif" || exit 99
site "$tmp/public" --static="$tmp/content/images" 2>"$tmp/err"
echo "rc=$?"
grep -v 'is not a file of the site' "$tmp/err" >&2
tree "$tmp/public/images"
cmp "$tmp/public/images/alias.gif" "$tmp/content/images/logo.gif" && test ! -L "$tmp/public/images/alias.gif" ||
	echo "alias.gif: not a copy of logo.gif" >&2
for f in $(find "$tmp/public" -type f); do no_secret "$f"; done
grep -rl 'root:' "$tmp/public" >&2
# A static folder named through a link of the user's: followed, and a link
# inside that goes up to another file of it, copied.
mkdir -p "$tmp/real/sub" && printf 'x' >"$tmp/real/a.png" && ln -s ../a.png "$tmp/real/sub/up.png" &&
	ln -s real "$tmp/pictures" || exit 99
site "$tmp/public2" --static="$tmp/pictures" 2>/dev/null
echo "a linked static folder: rc=$?"
tree "$tmp/public2/pictures"
exit 0
