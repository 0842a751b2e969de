# A device named where a file is read (sources, rules, schemas, catalogs,
# lists of documents): refused at once, named, never read until memory
# runs out.
. ./lib.sh
traduki extract /dev/zero; echo "extract a device: rc=$?"
traduki extract --its=/dev/zero article.xml; echo "rules: rc=$?"
traduki validate --schema=/dev/zero article.xml; echo "schema: rc=$?"
traduki check /dev/zero; echo "check: rc=$?"
traduki build --lang=nl --po=/dev/urandom -o "$tmp/xml" article.xml; echo "build --po: rc=$?"
traduki build --lang=fr -f /dev/zero -o "$tmp/xml"; echo "build -f: rc=$?"
keep "$tmp/nl.po" && ln -s /dev/zero "$tmp/zero.po"
traduki merge -U "$tmp/zero.po" "$tmp/nl.po"; echo "merge -U: rc=$?"
traduki merge -o "$tmp/out.po" "$tmp/nl.po" /dev/zero; echo "merge, template: rc=$?"
test ! -e "$tmp/out.po" || echo "WRITTEN: $tmp/out.po" >&2
