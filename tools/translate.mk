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
## change.  Either folder may have spaces, quotes or any letter in its path.
##
## The graph, one stamp file per stage and language (doc/scale.md):
##
##   .stamps/valid      the articles changed since the last run, checked
##                      against content/article.rng; content/site.xml
##   .stamps/pot        po/content.pot              ← valid, ITS rules
##   .stamps/po-LL      po/LL.po (merge -U)         ← pot, po/LL.po
##   .stamps/xml-LL     xml/LL/                     ← valid, po-LL, po/LL.po
##   .stamps/xml-SRC    xml/fr/                     ← valid
##   .stamps/status     public/status/              ← pot, every po-LL and po/LL.po
##   .stamps/site       public/                     ← every xml-*, templates,
##                                                    images, po/LINGUAS
##
## A stage runs when a stamp it depends on is newer, or a file that people
## edit (an article, a catalog, a template) is, or its output is missing
## (a deleted xml/ or public/, or a file of them); a stage that finds its
## output unchanged writes nothing, so "make translate" twice changes no
## byte.  A catalog is merged again when it changed, so that a catalog
## copied in from elsewhere is brought in step with the sources before
## anything judges it.  No two stages write the same file, so "make -j"
## runs the languages side by side; two runs at once are safe too
## (catalogs are merged under a lock, every file is written whole, stamps
## are touched by rename).
##
## What stops what:
## - An invalid article, a template that cannot be extracted: the run
##   stops there (exit status 2), before anything changes.
## - A catalog that cannot be read (a translator's syntax slip): only its
##   language's stages fail.  Its localized XML and pages stay those of the
##   last good run (a first run has none, and the site goes without the
##   language); every other language, the status page and the site are
##   made, and the run ends with the error again and exit status 1
##   (.stamps/STAGE.failed keeps it until the stage succeeds).
## - A bad translation never stops anything: "traduki build" shows the
##   source text instead (exit status 1), "traduki check" reports it.

srcdir ?= .
.DEFAULT_GOAL ?= translate
# The traduki to run: a shell command (quoted as needed), and what make
# should build first (Makefile.am: src/traduki).
TRADUKI ?= traduki
TRADUKI_DEP ?=
MKDIR_P ?= mkdir -p
SOURCE_LANG ?= fr
POT_PACKAGE ?= ecpat-content

# ARG as one shell word: 'it'\''s'.
tr_q = '$(subst ','\'',$(1))'

# Make cannot name a file whose path has a space (or a quote, a colon...)
# in a rule: the sources are reached through .stamps/src, a link to
# $(srcdir), whenever its path is not a plain one.  Commands use the real
# path, quoted.
TR_S := $(shell case $(call tr_q,$(srcdir)) in \
	(*[!-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./+]*) \
	$(MKDIR_P) .stamps && ln -sfn "$$(cd $(call tr_q,$(srcdir)) && pwd)" .stamps/src && \
	echo .stamps/src;; (*) echo $(call tr_q,$(srcdir));; esac)
$(if $(TR_S),,$(error cannot reach the sources, $(srcdir), through .stamps/src))

TEMPLATES_DIR ?= $(TR_S)/templates
# The languages: po/LINGUAS, or a subset on the command line (LINGUAS=nl).
LINGUAS := $(strip $(shell sed -e 's/\#.*//' $(call tr_q,$(TR_S)/po/LINGUAS)))

# Where the outputs go: the folder make runs in, as the commands see it
# from $(srcdir) ("" in the source tree itself, else an absolute path).
TR_O = $(if $(filter .,$(srcdir)),,$(CURDIR)/)
TR_ARTICLES = $(sort $(wildcard $(TR_S)/content/$(SOURCE_LANG)/*.xml))
TR_SITE = $(TR_S)/content/site.xml
TR_RULES = $(TR_S)/content/article.its $(TR_S)/content/site.its
TR_SCHEMAS = $(TR_S)/content/article.rng $(TR_S)/content/site.rng
TR_TEMPLATES = $(wildcard $(TEMPLATES_DIR)/*)
TR_IMAGES = $(wildcard $(TR_S)/content/images $(TR_S)/content/images/*)
TR_ITS = --its=content/article.its --its=content/site.its
# What each stage worked out, per article, for the next run (doc/scale.md).
TR_CACHE = $(TR_O).traduki-cache
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

# Outputs that are missing make their stage run, whatever the stamps say.
# Looked for when make reads this file, for the goals that need it.
tr_outputs_goals = translate site status check-coverage $(LINGUAS:%=xml-%) xml-$(SOURCE_LANG)
tr_check_outputs := $(if $(MAKECMDGOALS),$(filter $(tr_outputs_goals),$(MAKECMDGOALS)),yes)
# FORCE when xml/LL lacks its manifest, its chrome or an article.
tr_xml_missing = $(if $(tr_check_outputs),$(if $(and \
	$(filter $(words $(TR_ARTICLES) site manifest),$(words $(wildcard xml/$(1)/*.xml))), \
	$(wildcard xml/$(1)/manifest.xml),$(wildcard xml/$(1)/site.xml)),,FORCE))
# FORCE when a file the site build listed is gone, or the list itself.
tr_site_missing := $(if $(tr_check_outputs),$(shell test -f public/.traduki-files && \
	(cd public && cut -f1 .traduki-files | xargs -r -d '\n' ls -d -- >/dev/null 2>&1) || \
	echo FORCE))
tr_status_files = $(TR_STATUS)/index.html $(LINGUAS:%=$(TR_STATUS)/%.svg) $(LINGUAS:%=$(TR_STATUS)/%)
tr_status_missing = $(if $(filter-out $(wildcard $(tr_status_files)),$(tr_status_files)),FORCE)
FORCE:
.PHONY: FORCE

# A stage's recipe: runs the shell commands $(1) in $(srcdir), then moves
# a stamp made before they started over the target, so that an input
# changed while they ran is seen by the next run.
define tr_stage
	@$(MKDIR_P) .stamps
	$(call tr_v,$(2))new=$(call tr_q,$(TR_O))'$@.'$$$$; touch "$$new" && \
	if (cd $(call tr_q,$(srcdir)) && $(1)); then mv -f "$$new" $@; else rm -f "$$new"; exit 1; fi
endef

# A stage of one language, which must not stop the others: as tr_stage,
# but when the commands $(1) fail, what they said (their standard error,
# with $(3) = capture; else a line that points to it) goes to $@.failed,
# the stamp is left as it was (the next run tries again), and make goes
# on; the stage's outputs stay those of its last good run.  While the
# shell condition $(4) holds, the stage is not run at all and says $(5).
define tr_language_stage
	@$(MKDIR_P) .stamps
	$(call tr_v,$(2))new=$(call tr_q,$(TR_O))'$@.'$$$$; err="$$new.err"; \
	if $(or $(4),false); then echo $(call tr_q,$(strip $(5))) >&2; \
	elif touch "$$new" && (cd $(call tr_q,$(srcdir)) && $(1)) $(if $(3),2>"$$err"); then \
	  $(if $(3),cat "$$err" >&2;) rm -f "$$err" $@.failed; mv -f "$$new" $@; \
	else \
	  $(if $(3),cat "$$err" >&2,echo "$(2): failed (see above)" >"$$err"); \
	  mv -f "$$err" $@.failed; rm -f "$$new"; \
	fi
endef

# The sources are no one's targets: an empty recipe spares make its
# search for a rule to make each one (RCS, SCCS...): 4 s for 10,000.
$(TR_ARTICLES) $(TR_IMAGES): ;

.stamps/valid: $(TR_ARTICLES) $(TR_S)/content/$(SOURCE_LANG) $(TR_SITE) $(TR_SCHEMAS) $(TRADUKI_DEP)
	$(call tr_stage,\
	  list=$(call tr_q,$(TR_O))'$@.list.'$$$$; \
	  if $(call tr_newer,$(call tr_q,$(TR_O)$@),content/article.rng $(foreach d,$(TRADUKI_DEP),$(call tr_q,$(TR_O)$(d)))); then \
	    find content/$(SOURCE_LANG) -name '*.xml' -newer $(call tr_q,$(TR_O)$@) >"$$list"; \
	  else \
	    echo content/$(SOURCE_LANG) >"$$list"; \
	  fi && \
	  { test ! -s "$$list" || $(TRADUKI) validate -q --schema=content/article.rng \
	      $(if $(wildcard $(TR_S)/content/images),--static=content/images) -f "$$list"; } && \
	  rm -f "$$list" && \
	  $(TRADUKI) validate -q --schema=content/site.rng content/site.xml || \
	  { rm -f "$$list"; exit 1; },VALIDATE content/$(SOURCE_LANG))

.stamps/pot: .stamps/valid $(TR_RULES) $(TRADUKI_DEP) $(if $(wildcard $(TR_S)/po/content.pot),,FORCE)
	$(call tr_stage,\
	  $(TRADUKI) extract $(TR_ITS) --cache=$(call tr_q,$(TR_CACHE)/extract) \
	    --package-name=$(POT_PACKAGE) -o po/content.pot \
	    content/$(SOURCE_LANG) content/site.xml,EXTRACT po/content.pot)

# The source language: the articles as they are, every one published.
.stamps/xml-$(SOURCE_LANG): .stamps/valid $(TR_RULES) $(TRADUKI_DEP) $(call tr_xml_missing,$(SOURCE_LANG))
	$(call tr_stage,\
	  $(TRADUKI) build --lang=$(SOURCE_LANG) $(TR_ITS) --site=content/site.xml \
	    --cache=$(call tr_q,$(TR_CACHE)/xml-$(SOURCE_LANG)) \
	    -o $(call tr_q,$(TR_O)xml/$(SOURCE_LANG)) content/$(SOURCE_LANG) content/site.xml,XML xml/$(SOURCE_LANG))

# Per language LL: the catalog is merged when the template or the catalog
# changed since (or the catalog is new: empty translations, never the
# French); the stamp then takes the catalog's time, so that the merge's
# own write is not a change.  The localized XML is built from it, a
# rejected translation tolerated (exit status 1), and not at all while the
# catalog cannot be read.
define tr_language
.stamps/po-$(1): .stamps/pot $$(wildcard $$(TR_S)/po/$(1).po) $$(TRADUKI_DEP) \
		$$(if $$(wildcard $$(TR_S)/po/$(1).po),,FORCE)
	$$(call tr_language_stage,\
	  $$(TRADUKI) merge -q --previous --create --lang=$(1) \
	    --cache=$$(call tr_q,$$(TR_CACHE)/po-$(1)) -U po/$(1).po po/content.pot && \
	  { test ! po/$(1).po -nt "$$$$new" || touch -r po/$(1).po "$$$$new"; },MERGE po/$(1).po,capture)

.stamps/xml-$(1): .stamps/po-$(1) $$(wildcard $$(TR_S)/po/$(1).po) .stamps/valid $$(TR_RULES) \
		$$(TRADUKI_DEP) $$(call tr_xml_missing,$(1))
	$$(call tr_language_stage,\
	  rc=0; $$(TRADUKI) build --lang=$(1) --po=po/$(1).po $$(TR_ITS) --site=content/site.xml \
	    --cache=$$(call tr_q,$$(TR_CACHE)/xml-$(1)) \
	    -o $$(call tr_q,$$(TR_O)xml/$(1)) content/$$(SOURCE_LANG) content/site.xml || rc=$$$$?; \
	  test $$$$rc -le 1,XML xml/$(1),,test -f .stamps/po-$(1).failed,\
	  xml/$(1): not made again while po/$(1).po cannot be read)

update-po-$(1): .stamps/pot
	$$(call tr_v,MERGE po/$(1).po)cd $$(call tr_q,$$(srcdir)) && \
	  $$(TRADUKI) merge --previous --create --lang=$(1) -U po/$(1).po po/content.pot
	@touch .stamps/po-$(1) && rm -f .stamps/po-$(1).failed
xml-$(1): .stamps/xml-$(1)
.PHONY: update-po-$(1) xml-$(1)
endef
$(foreach l,$(LINGUAS),$(eval $(call tr_language,$(l))))

# The status page and badges (doc/check.md): reports, never stops (exit
# status 2 is an unreadable catalog, which the page shows, and whose
# stage failed already).  The
# terminal gets the summary and the first problems; the page has them all.
# The review pages (public/status/LL/SLUG.html) come with it; published
# articles are linked to their pages; po/glossary.tbx, when there is one,
# is the teams' terminology.
TR_PROBLEMS_SHOWN = 20
TR_GLOSSARY = $(wildcard $(TR_S)/po/glossary.tbx)
.stamps/status: .stamps/pot $(LINGUAS:%=.stamps/po-%) $(wildcard $(LINGUAS:%=$(TR_S)/po/%.po)) \
		$(TR_SITE) $(TR_GLOSSARY) $(TRADUKI_DEP) $(tr_status_missing)
	@$(MKDIR_P) $(TR_STATUS)
	$(call tr_stage,\
	  log=$(call tr_q,$(TR_O))'$@.log.'$$$$; rc=0; \
	  $(TRADUKI) check --site=content/site.xml --pot=po/content.pot \
	    --cache=$(call tr_q,$(TR_CACHE)/status) \
	    $(if $(TR_GLOSSARY),--glossary=po/glossary.tbx) \
	    --html=$(call tr_q,$(TR_O)$(TR_STATUS)/index.html) --review \
	    --page-link='../{lang}/news/{id}.html' \
	    --badge=$(call tr_q,$(TR_O)$(TR_STATUS)) $(LINGUAS:%=po/%.po) 2>"$$log" || rc=$$?; \
	  head -n $(TR_PROBLEMS_SHOWN) "$$log" >&2; n=`wc -l <"$$log"`; rm -f "$$log"; \
	  test $$n -le $(TR_PROBLEMS_SHOWN) || \
	    echo "... and `expr $$n - $(TR_PROBLEMS_SHOWN)` more: $(TR_STATUS)/index.html" >&2; \
	  test $$rc -le 2,CHECK $(TR_STATUS)/index.html)

# The site from whatever localized XML there is, the languages in the
# order of po/LINGUAS (the site itself leaves out those it does not
# offer).  It is the last stage, alone: make -jN lends it N processes for
# the pages (make -j: one per processor).
tr_templates_abs = $(if $(filter /%,$(TEMPLATES_DIR)),$(TEMPLATES_DIR),$(CURDIR)/$(TEMPLATES_DIR))
TR_JOBS = $(if $(filter -j,$(MAKEFLAGS)),0,$(or $(patsubst -j%,%,$(filter -j%,$(MAKEFLAGS))),1))
# The pictures' smaller versions, for the pages' srcset, are made first
# (tools/thumbnails, with ImageMagick) in thumbs/: THUMBNAIL_WIDTHS= for none.
THUMBNAIL_WIDTHS ?= 400 800
tr_thumbnails = $(and $(strip $(THUMBNAIL_WIDTHS)),$(wildcard $(TR_S)/tools/thumbnails),$(wildcard $(TR_S)/content/images))
TR_BUILD_SITE = \
	langs=; for l in $(LINGUAS); do \
	  test ! -f $(call tr_q,$(TR_O)xml/)$$l/manifest.xml || langs="$$langs $$l"; \
	done; \
	$(if $(tr_thumbnails),tools/thumbnails content/images $(call tr_q,$(TR_O)thumbs) $(THUMBNAIL_WIDTHS) &&) \
	$(TRADUKI) build --site=content/site.xml --xml=$(call tr_q,$(TR_O)xml) \
	  $(if $(wildcard $(TEMPLATES_DIR)/site.xsl),--templates=$(call tr_q,$(tr_templates_abs))) \
	  $(if $(wildcard $(TR_S)/content/images),--static=content/images) \
	  $(if $(tr_thumbnails),--static=$(call tr_q,$(TR_O)thumbs)) \
	  --languages="$$langs" --jobs=$(TR_JOBS) --cache=$(call tr_q,$(TR_CACHE)/site) \
	  -o $(call tr_q,$(TR_O)public)

.stamps/site: .stamps/xml-$(SOURCE_LANG) $(LINGUAS:%=.stamps/xml-%) $(TR_TEMPLATES) $(TR_IMAGES) \
		$(TR_S)/po/LINGUAS $(TR_SITE) $(TRADUKI_DEP) $(tr_site_missing)
	$(call tr_stage,$(TR_BUILD_SITE),SITE public)

# What could not be brought up to date, said again at the end, and the
# exit status that says so.
tr_report_failures = \
	set -- $(wildcard $(LINGUAS:%=.stamps/po-%.failed) $(LINGUAS:%=.stamps/xml-%.failed)); \
	test $$\# -eq 0 && exit 0; \
	for f; do \
	  l=$${f\#.stamps/*-}; l=$${l%.failed}; \
	  if test -f xml/$$l/manifest.xml; then \
	    echo "$$l: not brought up to date; its pages stay those of the last good run:" >&2; \
	  else echo "$$l: not on the site until this is mended:" >&2; fi; \
	  sed 's/^/    /' "$$f" >&2; \
	done; exit 1

# Editors and translators: the whole pipeline.
translate: .stamps/site .stamps/status
	@$(tr_report_failures)

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
	$(call tr_v,SITE public)cd $(call tr_q,$(srcdir)) && $(TR_BUILD_SITE)

# The gate CI runs (doc/ci.md): the catalogs of po/LINGUAS, brought in
# step with the sources first (extract and merge, as make translate
# does), against the publish thresholds of content/site.xml and the
# template; exit status 1 when a language is below its threshold or a
# check finds an error, 2 when a catalog cannot be read.  Languages in
# preparation (not in content/site.xml) are reported, never failing.
# CHECK_FLAGS adds options: CHECK_FLAGS='--format=junit -o coverage.xml'.
TR_CATALOGS = $(patsubst $(TR_S)/%,%,$(wildcard $(LINGUAS:%=$(TR_S)/po/%.po)))
check-coverage: $(LINGUAS:%=.stamps/po-%) $(TRADUKI_DEP)
	@if test -z '$(TR_CATALOGS)'; then \
	  echo "check-coverage: no PO catalog in po/ yet: nothing to check"; exit 0; fi; \
	cd $(call tr_q,$(srcdir)) && $(TRADUKI) check --site=content/site.xml --pot=po/content.pot \
	  $(if $(TR_GLOSSARY),--glossary=po/glossary.tbx) $(CHECK_FLAGS) $(TR_CATALOGS)

.PHONY: translate update-po site check-coverage
