# A msgid without its msgstr.
traduki check slip-no-msgstr.po
