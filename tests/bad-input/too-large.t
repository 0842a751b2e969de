# Every read has a bound: a document larger than 256 MiB, or a catalog
# larger than 1 GiB, is refused before it is read (sparse files here,
# which take no room).
. ./lib.sh
truncate -s 300M "$tmp/big.xml" && truncate -s 1100M "$tmp/big.po" || exit 99
traduki extract "$tmp/big.xml"; echo "a source: rc=$?"
traduki check "$tmp/big.po"; echo "a catalog: rc=$?"
traduki extract --its="$tmp/big.xml" article.xml; echo "rules: rc=$?"
