# A full disk: the write error is reported, /dev/full stays a device (a
# rename would have put a regular file in its place).
traduki extract -o /dev/full article.xml
echo "rc=$?"
traduki check --format=json -o /dev/full latin1.po
echo "rc=$?"
test -c /dev/full || echo "DAMAGED: /dev/full is no longer a device" >&2
