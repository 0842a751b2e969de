# traduki check --only=markup refuses the same translations for the same
# reasons as the build (one validator, segment_check), in the same words.
traduki check --only=markup hostile.po 2>"$tmp/check" >/dev/null
traduki build --lang=en --po=hostile.po --its="$top_srcdir/content/article.its" -o "$tmp/xml" article.xml 2>"$tmp/build" >/dev/null
diff "$tmp/check" "$tmp/build" && echo "$(wc -l <"$tmp/build") translations refused by both, for the same reasons"
