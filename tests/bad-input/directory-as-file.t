# A directory where a file is expected (the rules, a PO catalog).
traduki extract --its=. article.xml
echo "rc=$?"
traduki check .
