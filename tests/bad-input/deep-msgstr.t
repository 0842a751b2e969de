# A translation nested 100,000 levels deep is refused, not followed.
{
	printf 'msgid ""\nmsgstr ""\n"Language: nl\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
	printf '#: a.xml:1\nmsgid "Un <em>mot</em>"\nmsgstr "'
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<em>"; printf "woord";
		for (i = 0; i < 100000; i++) printf "</em>" }'
	printf '"\n'
} >"$tmp/deep.po"
traduki check --only=markup "$tmp/deep.po"
