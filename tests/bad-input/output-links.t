# The site is written only inside its output folder.  The output folder
# may itself be a link (made for deployment); inside it, a link where the
# site has a folder (en -> elsewhere) or a file (index.html -> a file of
# the user's, the build's list -> another file) is left as it is, with an
# error, and nothing is written through it.
. ./lib.sh
mkdir -p "$tmp/deploy" "$tmp/elsewhere" && keep "$tmp/user.html" "$tmp/list" || exit 99
ln -s deploy "$tmp/public"
# run WHAT: the build, its problems on standard error, its status said.
run() {
	site "$tmp/public" 2>"$tmp/err"
	echo "$1: rc=$?"
	grep -v 'is not a file of the site' "$tmp/err" >&2
}
run "the output folder is a link"
rm -rf "$tmp/deploy/en" && ln -s ../elsewhere "$tmp/deploy/en"
run "en is a link"
rm "$tmp/deploy/en" && site "$tmp/public" 2>/dev/null
rm -f "$tmp/deploy/index.html" && ln -s ../user.html "$tmp/deploy/index.html"
run "index.html is a link"
rm "$tmp/deploy/index.html" && site "$tmp/public" 2>/dev/null
rm -f "$tmp/deploy/.traduki-files" && ln -s ../list "$tmp/deploy/.traduki-files"
run "the list is a link"
ls -A "$tmp/elsewhere"
kept "$tmp/user.html" "$tmp/list"
no_leftovers "$tmp/deploy"
# The localized XML of build --lang alike.
mkdir -p "$tmp/xml" && ln -s ../user.html "$tmp/xml/article.xml"
traduki build -q --lang=fr -o "$tmp/xml" article.xml; echo "build --lang, a link for a document: rc=$?"
kept "$tmp/user.html"
