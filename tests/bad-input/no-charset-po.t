# A catalog with text that is not ASCII and no charset in its header:
# libgettextpo would write it back without those characters (two msgids
# differing by a no-break space became duplicates), so it is refused, as
# msgcat refuses it.
traduki check no-charset.po
