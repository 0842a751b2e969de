# Every template written here is byte for byte what gettext's own msgcat
# writes for it: the tool writes through libgettextpo, and this catches any
# difference from its own writing (such as the fast path for UTF-8).
command -v msgcat >/dev/null || exit 77
for pot in [0-9]*.out; do
	[ "$(grep -c "^msgid" "$pot")" -gt 1 ] || continue # msgcat drops a lone header
	msgcat "$pot" | cmp -s - "$pot" || echo "differs: $pot"
done
cd "$top_srcdir" && msgcat po/content.pot | cmp -s - po/content.pot || echo "differs: po/content.pot"
echo checked
