# An output that is a symbolic link: the file it points to is replaced,
# the link stays.
. ./lib.sh
keep "$tmp/real.pot"
ln -s real.pot "$tmp/content.pot"
SOURCE_DATE_EPOCH=0 traduki extract -o "$tmp/content.pot" article.xml || exit
test -L "$tmp/content.pot" || echo "DAMAGED: the link was replaced" >&2
head -n 3 "$tmp/real.pot"
no_leftovers "$tmp"
