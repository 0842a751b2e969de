# A '#:' reference that ends with a backslash: gettext would write it back
# as a line continuation that no reader (msgcat included) can parse.
traduki check reference-backslash.po
