# ITS Locale Filter: what is not meant for the language is left out
# (RFC 4647 extended filtering), inline elements aside.
for l in en de de-CH fr_CH; do traduki build -q --lang=$l --its=../extract/rules.its -o "$tmp/$l" data/locale.xml && echo "== $l" && cat "$tmp/$l/locale.xml"; done
