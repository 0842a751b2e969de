# The entries to work on, with their lines, in a compiler's format.
traduki check --list=untranslated,fuzzy,rejected,same-as-source coverage-nl.po markup-bad.po
