# A variable with an undeclared prefix: one diagnostic of ours, not a
# line that libxml2 prints by itself.
. ./lib.sh
guarded "$tmp/content.pot" traduki extract --its=variable-prefix.its -o "$tmp/content.pot" article.xml
