# The default templates folder is where "make install" puts them.
traduki build --help | sed 's|(default: /.*/templates)|(default: $(pkgdatadir)/templates)|'
