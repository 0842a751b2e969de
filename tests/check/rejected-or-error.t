# A rejected translation (the page shows the French) and an error that is
# published as it is are told apart in every report.
traduki check --format=json --only=markup,urls markup-bad.po urls-bad.po | grep -o '"id": "[a-z]*"[^}]*"rejected": [a-z]*' | sed 's/"severity.*"rejected"/"rejected"/' | sort -u
traduki check --format=junit --only=markup,urls markup-bad.po urls-bad.po | grep -o '<failure type="[a-z]*" message="[^"]*"'
traduki check --only=markup,urls markup-bad.po urls-bad.po 2>&1 >/dev/null | sed 's/:.*\] \([a-z]*\).*/: \1/' | sort | uniq -c
