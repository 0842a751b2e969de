## The content pipeline: make translate, update-po, site, check-coverage.
##
## Makefile.am includes this file; it is also installed as
## PREFIX/share/traduki/translate.mk, and works alone with an installed
## traduki (and its templates, unless the site has templates/), from the
## folder that is to receive the outputs:
##
##   make -f PREFIX/share/traduki/translate.mk translate   (content/, po/ here)
##   make -f tools/translate.mk srcdir=/path/to/site TRADUKI=/path/traduki translate
##
## Inputs, below $(srcdir): content/$(SOURCE_LANG)/*.xml (the articles),
## content/site.xml, content/*.its and *.rng, content/images/, po/LINGUAS,
## po/LL.po; templates/.  Outputs, below the current folder: xml/LL/ (the
## localized XML), public/ (the site; public/status/ the status page and
## badges), .stamps/ (what ran when).  The template po/content.pot and the
## catalogs po/LL.po are written in $(srcdir), each only when its contents
## change.
##
## The graph, one stamp file per stage and language (doc/scale.md):
##
##   .stamps/valid      the articles changed since the last run, checked
##                      against content/article.rng; content/site.xml
##   .stamps/pot        po/content.pot              ← valid, ITS rules
##   .stamps/po-LL      po/LL.po (merge -U)         ← pot, when it changed
##   .stamps/xml-LL     xml/LL/                     ← valid, po-LL, po/LL.po
##   .stamps/xml-SRC    xml/fr/                     ← valid
##   .stamps/status     public/status/              ← every po-LL and po/LL.po
##   .stamps/site       public/                     ← every xml-*, templates,
##                                                    images, po/LINGUAS
##
## A stage runs when a stamp it depends on is newer, or a file that people
## edit (an article, a catalog, a template) is; a stage that finds its
## output unchanged writes nothing, so "make translate" twice changes no
## byte.  No two stages write the same file, so "make -j" runs the
## languages side by side; two runs at once are safe too (catalogs are
## merged under a lock, every file is written whole, stamps are touched
## by rename).  A bad translation never stops the pipeline: "traduki build"
## reports it and shows the source text instead (exit status 1), "traduki
## check" reports it on the status page; only unreadable or invalid input
## stops it (exit status 2, or an invalid article).

srcdir ?= .
# The traduki to run, and what make should build first (Makefile.am: src/traduki).
TRADUKI ?= traduki
TRADUKI_DEP ?=
MKDIR_P ?= mkdir -p
SOURCE_LANG ?= fr
TEMPLATES_DIR ?= $(srcdir)/templates
POT_PACKAGE ?= ecpat-content
# The languages: po/LINGUAS, or a subset on the command line (LINGUAS=nl).
LINGUAS := $(strip $(shell sed -e 's/\#.*//' $(srcdir)/po/LINGUAS))

# Where the outputs go: the folder make runs in, as the commands see it
# from $(srcdir) ("" in the source tree itself, else an absolute path).
TR_O = $(if $(filter .,$(srcdir)),,$(CURDIR)/)
TR_ARTICLES = $(sort $(wildcard $(srcdir)/content/$(SOURCE_LANG)/*.xml))
TR_SITE = $(srcdir)/content/site.xml
TR_RULES = $(srcdir)/content/article.its $(srcdir)/content/site.its
TR_SCHEMAS = $(srcdir)/content/article.rng $(srcdir)/content/site.rng
TR_TEMPLATES = $(wildcard $(TEMPLATES_DIR)/*)
TR_IMAGES = $(wildcard $(srcdir)/content/images $(srcdir)/content/images/*)
TR_ITS = --its=content/article.its --its=content/site.its
TR_STATUS = public/status

# Automake's silent rules: "  MERGE    po/nl.po" by default, the command
# itself with V=1.
tr_v = $(tr_v_$(V))
tr_v_ = $(tr_v_$(AM_DEFAULT_VERBOSITY))
tr_v_0 = @printf '  %-8s %s\n' $(1);
tr_v_1 =
AM_DEFAULT_VERBOSITY ?= 0

# "test STAMP -nt FILE" for every FILE: the shell condition under which a
# stage whose inputs merely might have changed can skip its work.
tr_newer = test -f $(1) $(foreach f,$(2),&& test $(1) -nt $(f))

# A stage's recipe: runs the shell commands $(1) in $(srcdir), then moves
# a stamp made before they started over the target, so that an input
# changed while they ran is seen by the next run.
define tr_stage
	@$(MKDIR_P) .stamps
	$(call tr_v,$(2))new='$(TR_O)$@.'$$$$; touch "$$new" && \
	if (cd $(srcdir) && $(1)); then mv -f "$$new" $@; else rm -f "$$new"; exit 1; fi
endef

# The sources are no one's targets: an empty recipe spares make its
# search for a rule to make each one (RCS, SCCS...): 4 s for 10,000.
$(TR_ARTICLES) $(TR_IMAGES): ;

.stamps/valid: $(TR_ARTICLES) $(srcdir)/content/$(SOURCE_LANG) $(TR_SITE) $(TR_SCHEMAS) $(TRADUKI_DEP)
	$(call tr_stage,\
	  list='$(TR_O)$@.list.'$$$$; \
	  if $(call tr_newer,'$(TR_O)$@',content/article.rng $(TRADUKI_DEP:%='$(TR_O)%')); then \
	    find content/$(SOURCE_LANG) -name '*.xml' -newer '$(TR_O)$@' >"$$list"; \
	  else \
	    echo content/$(SOURCE_LANG) >"$$list"; \
	  fi && \
	  { test ! -s "$$list" || $(TRADUKI) validate -q --schema=content/article.rng -f "$$list"; } && \
	  rm -f "$$list" && \
	  $(TRADUKI) validate -q --schema=content/site.rng content/site.xml || \
	  { rm -f "$$list"; exit 1; },VALIDATE content/$(SOURCE_LANG))

.stamps/pot: .stamps/valid $(TR_RULES) $(TRADUKI_DEP)
	$(call tr_stage,\
	  $(TRADUKI) extract $(TR_ITS) --package-name=$(POT_PACKAGE) -o po/content.pot \
	    content/$(SOURCE_LANG) content/site.xml,EXTRACT po/content.pot)

# The source language: the articles as they are, every one published.
.stamps/xml-$(SOURCE_LANG): .stamps/valid $(TR_RULES) $(TRADUKI_DEP)
	$(call tr_stage,\
	  $(TRADUKI) build --lang=$(SOURCE_LANG) $(TR_ITS) --site=content/site.xml \
	    -o '$(TR_O)xml/$(SOURCE_LANG)' content/$(SOURCE_LANG) content/site.xml,XML xml/$(SOURCE_LANG))

# Per language LL: the catalog is merged when the template changed since
# (or the catalog is new: empty translations, never the French); the
# localized XML is built from it, a rejected translation tolerated
# (exit status 1).
define tr_language
.stamps/po-$(1): .stamps/pot $$(TRADUKI_DEP)
	$$(call tr_stage,\
	  if test -f po/$(1).po && $$(call tr_newer,'$$(TR_O)$$@',po/content.pot $$(TRADUKI_DEP:%='$$(TR_O)%')); then :; \
	  else $$(TRADUKI) merge -q --previous --create --lang=$(1) -U po/$(1).po po/content.pot; fi,MERGE po/$(1).po)

.stamps/xml-$(1): .stamps/po-$(1) $$(wildcard $$(srcdir)/po/$(1).po) .stamps/valid $$(TR_RULES) $$(TRADUKI_DEP)
	$$(call tr_stage,\
	  rc=0; $$(TRADUKI) build --lang=$(1) --po=po/$(1).po $$(TR_ITS) --site=content/site.xml \
	    -o '$$(TR_O)xml/$(1)' content/$$(SOURCE_LANG) content/site.xml || rc=$$$$?; \
	  test $$$$rc -le 1,XML xml/$(1))

update-po-$(1): .stamps/pot
	$$(call tr_v,MERGE po/$(1).po)cd $$(srcdir) && \
	  $$(TRADUKI) merge --previous --create --lang=$(1) -U po/$(1).po po/content.pot
	@touch .stamps/po-$(1)
xml-$(1): .stamps/xml-$(1)
.PHONY: update-po-$(1) xml-$(1)
endef
$(foreach l,$(LINGUAS),$(eval $(call tr_language,$(l))))

# The status page and badges (doc/check.md): reports, never stops.  The
# terminal gets the summary and the first problems; the page has them all.
TR_PROBLEMS_SHOWN = 20
.stamps/status: $(LINGUAS:%=.stamps/po-%) $(wildcard $(LINGUAS:%=$(srcdir)/po/%.po)) $(TR_SITE) $(TRADUKI_DEP)
	@$(MKDIR_P) $(TR_STATUS)
	$(call tr_stage,\
	  log='$(TR_O)$@.log.'$$$$; rc=0; \
	  $(TRADUKI) check --site=content/site.xml --html='$(TR_O)$(TR_STATUS)/index.html' \
	    --badge='$(TR_O)$(TR_STATUS)' $(LINGUAS:%=po/%.po) 2>"$$log" || rc=$$?; \
	  head -n $(TR_PROBLEMS_SHOWN) "$$log" >&2; n=`wc -l <"$$log"`; rm -f "$$log"; \
	  test $$n -le $(TR_PROBLEMS_SHOWN) || \
	    echo "... and `expr $$n - $(TR_PROBLEMS_SHOWN)` more: $(TR_STATUS)/index.html" >&2; \
	  test $$rc -le 1,CHECK $(TR_STATUS)/index.html)

# The site from whatever localized XML there is, the languages in the
# order of po/LINGUAS.  It is the last stage, alone: make -jN lends it N
# processes for the pages (make -j: one per processor).
TR_JOBS = $(if $(filter -j,$(MAKEFLAGS)),0,$(or $(patsubst -j%,%,$(filter -j%,$(MAKEFLAGS))),1))
TR_BUILD_SITE = \
	langs=; for l in $(LINGUAS); do \
	  test ! -f '$(TR_O)xml/'$$l/manifest.xml || langs="$$langs $$l"; \
	done; \
	$(TRADUKI) build --site=content/site.xml --xml='$(TR_O)xml' \
	  $(if $(wildcard $(TEMPLATES_DIR)/site.xsl),--templates='$(abspath $(TEMPLATES_DIR))') \
	  $(if $(wildcard $(srcdir)/content/images),--static=content/images) \
	  --languages="$$langs" --jobs=$(TR_JOBS) -o '$(TR_O)public'

.stamps/site: .stamps/xml-$(SOURCE_LANG) $(LINGUAS:%=.stamps/xml-%) $(TR_TEMPLATES) $(TR_IMAGES) \
		$(srcdir)/po/LINGUAS $(TR_SITE) $(TRADUKI_DEP)
	$(call tr_stage,$(TR_BUILD_SITE),SITE public)

# Editors and translators: the whole pipeline.
translate: .stamps/site .stamps/status

# Stages by name, for a large site split over CI runners (doc/scale.md).
xml-$(SOURCE_LANG): .stamps/xml-$(SOURCE_LANG)
status: .stamps/status
.PHONY: xml-$(SOURCE_LANG) status

# As gettext's po/Makefile: the template, then every catalog merged.
update-po: $(LINGUAS:%=update-po-%)

# The site alone, from the localized XML in xml/.
site: $(TRADUKI_DEP)
	@if test -f xml/$(SOURCE_LANG)/manifest.xml; then :; else \
	  echo "make site: no localized XML in xml/ yet: run make translate" >&2; exit 2; fi
	$(call tr_v,SITE public)cd $(srcdir) && $(TR_BUILD_SITE)

# The gate CI runs (doc/ci.md): every catalog of po/LINGUAS against the
# publish thresholds of content/site.xml; exit status 1 when a language
# is below its threshold or a check finds an error.  CHECK_FLAGS adds
# options: CHECK_FLAGS='--format=junit -o coverage.xml'.
TR_CATALOGS = $(patsubst $(srcdir)/%,%,$(wildcard $(LINGUAS:%=$(srcdir)/po/%.po)))
check-coverage: $(TRADUKI_DEP)
	@if test -z '$(TR_CATALOGS)'; then \
	  echo "check-coverage: no PO catalog in po/ yet: nothing to check"; exit 0; fi; \
	cd $(srcdir) && $(TRADUKI) check --site=content/site.xml $(CHECK_FLAGS) $(TR_CATALOGS)

.PHONY: translate update-po site check-coverage
