# gettext's own tools accept the template: msgfmt -c (header warnings
# about the fields translators fill in are expected in a template) and msgcat.
cd "$top_srcdir" && msgfmt -c -o /dev/null po/content.pot && msgcat po/content.pot | cmp - po/content.pot && echo accepted
