# The search of safe.t finds what it looks for: a document with active
# content slipped in fails it.
sed -e 's|<title>|<title onclick="x()">|' -e 's|<summary>|<script>alert(1)</script><summary style="x">|' \
    -e 's|images/deux.jpg|javascript:alert(1)|' -e 's|</body>|<?php echo 1; ?><!-- x --><iframe src="https://evil.example/"/></body>|' \
    article.xml >"$tmp/bad.xml"
./no-active-content article.xml "$tmp/bad.xml"
