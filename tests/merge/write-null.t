traduki merge -q -o /dev/null basic.po basic.pot && test -c /dev/null && echo "/dev/null is still a device"
