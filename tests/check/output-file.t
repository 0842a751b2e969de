traduki check --format=json -o $tmp/report.json --min-coverage=50 coverage-en.po && head -c 40 $tmp/report.json
