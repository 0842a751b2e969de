# traduki check --only=markup refuses the same translations for the same
# reasons as the build (one validator, segment_check).
traduki check --only=markup hostile.po 2>&1 >/dev/null | sed 's/; the build will show the source text instead$//' >"$tmp/check"
traduki build --lang=en --po=hostile.po --its="$top_srcdir/content/article.its" -o "$tmp/xml" article.xml 2>&1 >/dev/null | sed 's/; the source text is shown instead$//' >"$tmp/build"
diff "$tmp/check" "$tmp/build" && echo "$(wc -l <"$tmp/build") translations refused by both, for the same reasons"
