# traduki check and the build count alike, article by article, in every
# language: a translation the build refuses for its markup (the page shows
# the French) is counted as translated nowhere: not in check's text, its
# JSON, or the status page.
. ./setup.sh
sed -i 's|^msgstr "The <em>I Say Stop</em> campaign hit the road across Belgium"|msgstr "The <em>I Say Stop</strong> campaign hit the road across Belgium"|' "$site/po/en.po"
pipeline translate >"$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
grep 'markup' "$tmp/log" | sort -u
grep -o 'campaign hit the road\|campagne <em>I Say Stop</em> a sillonné' "$out/public/en/news/campagne-i-say-stop-sur-les-routes.html" | head -n 1
(cd "$site" && traduki check --format=json --site=content/site.xml po/en.po po/nl.po) >"$tmp/check.json" 2>/dev/null
grep '"rejected": [1-9]' "$tmp/check.json" | head -n 2
python3 - "$tmp/check.json" "$out/xml" <<'PY'
import json, re, sys
report = json.load(open(sys.argv[1]))
compared = differ = 0
for lang in report["languages"]:
    manifest = open(f"{sys.argv[2]}/{lang['lang']}/manifest.xml", encoding="utf-8").read()
    entries = {m[0]: (int(m[1]), int(m[2])) for m in
               re.findall(r'file="([^"]*)"[^>]* words="(\d+)" translated="(\d+)"', manifest)}
    for f in lang["files"]:
        name = f["file"].split("/")[-1]
        if not f["file"].startswith("content/fr/"):
            continue
        compared += 1
        mine = (f["words"]["total"], f["words"]["translated"])
        if entries.get(name) != mine:
            differ += 1
            print(f"{lang['lang']} {name}: check {mine}, build {entries.get(name)}")
print(f"{compared} articles compared, {differ} differ")
PY
grep -o '[0-9]* rejected (shown in the source language)' "$out/public/status/index.html"
