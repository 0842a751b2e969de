# The source language comes from the first document that has one, or
# from --source-lang; --package-version completes Project-Id-Version.
SOURCE_DATE_EPOCH=0; export SOURCE_DATE_EPOCH
traduki extract --its=../../content/article.its --package-name=news --package-version=1.0 ../../content/fr/formation-managers-accor.xml | sed -n "/Project-Id/p;/X-Source/p"
traduki extract --source-lang=de 01-collapse.xml | sed -n "/X-Source/p"
# No language is assumed: without one, no template, and the error says how
# to give it.
traduki extract --its=rules.its -o "$tmp/none.pot" 01-collapse.xml; echo "exit $?"; ls "$tmp"
