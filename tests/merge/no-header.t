traduki merge -q --previous -o - no-header.po short.pot
