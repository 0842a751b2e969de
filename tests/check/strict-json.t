traduki check --strict --only=numbers --format=json coverage-nl.po | grep '"passed"'
