traduki merge -q -o /dev/full basic.po basic.pot; echo "rc=$?"; test -c /dev/full && echo "/dev/full is still a device"
