# The translation pipeline of `make translate`, done with the peers:
# validate (xmllint), extract (xgettext --its), merge (msgmerge --previous),
# compile (msgfmt -c) and merge back into XML (itstool -m), for every
# language.  bench/run runs it in a folder laid out like the project's
# source tree (content/fr/*.xml, content/article.{its,rng}, po/*.po):
#
#   make -f bench/peers.mk -C SITE translate LINGUAS='en nl'
#
# File lists go through files.txt, so that 10,000 articles never make a
# command line longer than the system accepts.

LINGUAS = en nl
RULES = content/article.its
SCHEMA = content/article.rng
ARTICLES = $(wildcard content/fr/*.xml)

translate: $(LINGUAS:%=xml/%.stamp)

files.txt: $(ARTICLES)
	find content/fr -name '*.xml' | LC_ALL=C sort >$@.tmp && mv $@.tmp $@

po/content.pot: files.txt $(RULES)
	xargs xmllint --noout --relaxng $(SCHEMA) <files.txt 2>/dev/null
	xgettext --its=$(RULES) --from-code=UTF-8 -f files.txt -o $@

po/%.po: po/content.pot
	msgmerge --previous -q -U --backup=off $@ $<
	touch $@

mo/%.mo: po/%.po
	mkdir -p mo
	msgfmt -c -o $@ $<

xml/%.stamp: mo/%.mo
	mkdir -p xml/$*
	xargs itstool -m $< -i $(RULES) -l $* -o xml/$*/ <files.txt
	touch $@

.PHONY: translate
.PRECIOUS: po/%.po mo/%.mo
