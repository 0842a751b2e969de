/*
 * Unit tests for check, siteconf and report: the text of a message, the
 * counts, the same-as-source rule, thresholds, percentages, JSON escaping.
 * The checks themselves are tested as data in tests/check/.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/buf.h"
#include "lib/cache.h"
#include "lib/catalog.h"
#include "lib/check.h"
#include "lib/report.h"
#include "lib/siteconf.h"
#include "lib/uni.h"
#include "unit.h"

static char dir[] = "/tmp/traduki-check-XXXXXX";

static void spit(const char *path, const char *text)
{
	FILE *fp = fopen(path, "wb");

	fputs(text, fp);
	fclose(fp);
}

static char *slurp(const char *path)
{
	struct buf b = BUF_INIT;
	char chunk[256];
	size_t n;
	FILE *fp = fopen(path, "rb");

	if (!fp)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	return buf_detach(&b);
}

static void msg_text(void)
{
	struct buf b = BUF_INIT;

	CHECK(check_msg_text("Bonjour le monde", &b) == 0);
	CHECK_STR(buf_str(&b), "Bonjour le monde");
	buf_truncate(&b, 0);
	/* Inline elements, placeholders and entities. */
	CHECK(
	    check_msg_text("Voir <a>notre site</a><_:image-1/> &amp; <abbr title=\"x\">ONU</abbr>",
	                   &b) == 0);
	CHECK_STR(buf_str(&b), "Voir notre site & ONU");
	buf_truncate(&b, 0);
	/* Not well-formed: the message as it is. */
	CHECK(check_msg_text("a < b et <em>c", &b) == -1);
	CHECK_STR(buf_str(&b), "a < b et <em>c");
	buf_truncate(&b, 0);
	/* No entity beyond XML's five. */
	CHECK(check_msg_text("caf&eacute;", &b) == -1);
	CHECK_STR(buf_str(&b), "caf&eacute;");
	buf_release(&b);
}

static const char po_text[] = "msgid \"\"\n"
                              "msgstr \"\"\n"
                              "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                              "\"Language: nl\\n\"\n"
                              "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n"
                              "\n"
                              "#: a.xml:1 a.xml:9 b.xml:2\n"
                              "msgid \"Les m\xc3\xa9"
                              "dias parlent de touristes.\"\n"
                              "msgstr \"De media spreken over toeristen.\"\n"
                              "\n"
                              "#: a.xml:2\n"
                              "msgid \"Les m\xc3\xa9"
                              "dias parlent <em>volontiers</em> de touristes.\"\n"
                              "msgstr \"Les  m\xc3\xa9"
                              "dias parlent <em>volontiers</em> de touristes. \"\n"
                              "\n"
                              "# traduki: same-as-source\n"
                              "#: a.xml:3\n"
                              "msgid \"La loi est une condition n\xc3\xa9"
                              "cessaire.\"\n"
                              "msgstr \"La loi est une condition n\xc3\xa9"
                              "cessaire.\"\n"
                              "\n"
                              "#: b.xml:3\n"
                              "msgid \"Organisation des Nations unies\"\n"
                              "msgstr \"Organisation des Nations unies\"\n"
                              "\n"
                              "#: b.xml:4\n"
                              "#, fuzzy\n"
                              "msgid \"Une loi suffit-elle ?\"\n"
                              "msgstr \"Volstaat een wet?\"\n"
                              "\n"
                              "#: b.xml:5\n"
                              "#, fuzzy\n"
                              "msgid \"Vide\"\n"
                              "msgstr \"\"\n"
                              "\n"
                              "#: b.xml:6\n"
                              "msgid \"un camion\"\n"
                              "msgid_plural \"des camions\"\n"
                              "msgstr[0] \"een vrachtwagen\"\n"
                              "msgstr[1] \"\"\n"
                              "\n"
                              "#~ msgid \"Ancien\"\n"
                              "#~ msgstr \"Oud\"\n";

static void counts(void)
{
	struct check_report r;
	struct check_options opt = { NULL, 0, NULL, NULL };
	struct check_lang *l;
	struct catalog *cat;
	struct diag d;
	char path[256];

	diag_init(&d, NULL, NULL);
	snprintf(path, sizeof path, "%s/nl.po", dir);
	spit(path, po_text);
	cat = catalog_read(path, &d);
	CHECK(cat != NULL);
	if (!cat)
		return;
	check_report_init(&r);
	l = check_catalog(&r, cat, &opt, &d);
	CHECK_STR(l->lang, "nl");
	CHECK_STR(l->source_lang, "fr");
	CHECK(l->threshold < 0);
	/* msgfmt's counts: a fuzzy message with an empty msgstr is
	 * untranslated, a plural message is judged by its first msgstr. */
	CHECK(l->counts.messages == 7);
	CHECK(l->counts.translated == 4);
	CHECK(l->counts.fuzzy == 1);
	CHECK(l->counts.untranslated == 2);
	CHECK(l->counts.identical == 1);
	CHECK(l->counts.obsolete == 1);
	/* Words: 5 + 6 + 6 + 4 + 4 ("suffit-elle" is two) + 1 + (2 + 2). */
	CHECK(l->counts.words == 30);
	CHECK(l->counts.words_translated == 5 + 6 + 4 + 4);
	CHECK(l->counts.words_fuzzy == 4);
	/* a.xml counts its first message once, b.xml counts it too. */
	CHECK(l->file_count == 2);
	CHECK_STR(l->files[0].path, "a.xml");
	CHECK(l->files[0].counts.messages == 3);
	CHECK(l->files[0].counts.words == 17);
	CHECK_STR(l->files[1].path, "b.xml");
	CHECK(l->files[1].counts.messages == 5);
	/* Only the unmarked copy is reported. */
	CHECK(check_problems(l, "same-as-source", DIAG_WARNING) == 1);
	CHECK(check_problems(l, NULL, DIAG_ERROR) == 0);
	CHECK(!check_failed(l, 0));
	CHECK(check_failed(l, 1)); /* strict: the warning fails */

	/* 19 of 30 words: 63.3%. */
	l->threshold = 63.3;
	CHECK(!check_below(l));
	l->threshold = 63.4;
	CHECK(check_below(l));
	CHECK(check_failed(l, 0));
	check_report_release(&r);
	catalog_free(cat);
}

/* What a check of L says, as text: counts, states and every problem. */
static void dump_lang(const struct check_lang *l, struct buf *out)
{
	size_t i;

	buf_addf(out, "%lu %lu %lu %lu %lu %lu\n", l->counts.messages, l->counts.translated,
	         l->counts.fuzzy, l->counts.untranslated, l->counts.words,
	         l->counts.words_translated);
	for (i = 0; i < l->state_count; i++)
		buf_addf(out, "%d %s\n", l->states[i], l->rejections[i] ? l->rejections[i] : "-");
	for (i = 0; i < l->problem_count; i++) {
		const struct check_problem *p = &l->problems[i];

		buf_addf(out, "%s %d %ld %s|%s|%s|%s|%llx|%d\n", p->id, (int)p->severity, p->line,
		         p->text, p->source ? p->source : "-",
		         p->translation ? p->translation : "-",
		         p->source_file ? p->source_file : "-", (unsigned long long)p->msg_key,
		         p->rejected);
	}
}

/* Checks the catalog TEXT through the cache at PACK (NULL: none) into OUT;
 * the cache's hits and misses. */
static void check_text(const char *text, const char *pack, struct buf *out, size_t *hits,
                       size_t *misses)
{
	struct check_report r;
	struct check_options opt = { NULL, 0, NULL, NULL };
	struct catalog *cat;
	struct diag d;
	char path[256];

	diag_init(&d, NULL, NULL);
	snprintf(path, sizeof path, "%s/nl.po", dir);
	spit(path, text);
	cat = catalog_read(path, &d);
	CHECK(cat != NULL);
	if (!cat)
		return;
	opt.cache = pack ? cache_open(pack) : NULL;
	check_report_init(&r);
	buf_truncate(out, 0);
	dump_lang(check_catalog(&r, cat, &opt, &d), out);
	*hits = opt.cache ? cache_stats(opt.cache)->hits : 0;
	*misses = opt.cache ? cache_stats(opt.cache)->misses : 0;
	if (opt.cache)
		CHECK(cache_save(opt.cache, &d) == 0);
	cache_free(opt.cache);
	check_report_release(&r);
	catalog_free(cat);
}

static const char problems_text[] = "msgid \"\"\n"
                                    "msgstr \"\"\n"
                                    "\"Language: nl\\n\"\n"
                                    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                                    "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n"
                                    "\n"
                                    "#: a.xml:2\n"
                                    "msgid \"Le 12 mai, 300 enfants.\"\n"
                                    "msgstr \"Op 13 mei, 300 kinderen.\"\n"
                                    "\n"
                                    "#: a.xml:3\n"
                                    "msgid \"Voir <em>ici</em>.\"\n"
                                    "msgstr \"Zie <b>hier</b>.\"\n"
                                    "\n"
                                    "#: b.xml:4\n"
                                    "msgid \"Le 12 mai, 1 enfant.\"\n"
                                    "msgid_plural \"Les 12 mai, 300 enfants.\"\n"
                                    "msgstr[0] \"Op 12 mei, 1 kind.\"\n"
                                    "msgstr[1] \"Op 14 mei, 300 kinderen.\"\n"
                                    "\n"
                                    "#: b.xml:5\n"
                                    "msgctxt \"x\"\n"
                                    "msgid \"Le 12 mai, 300 enfants.\"\n"
                                    "msgstr \"Op 12 mei,  300 kinderen.\"\n";

/* TEXT with its first FROM replaced by TO, into OUT. */
static void replace(struct buf *out, const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);

	buf_truncate(out, 0);
	CHECK(at != NULL);
	if (!at)
		return;
	buf_add(out, text, (size_t)(at - text));
	buf_adds(out, to);
	buf_adds(out, at + strlen(from));
}

static void message_cache(void)
{
	struct buf plain = BUF_INIT, cached = BUF_INIT, edited = BUF_INIT;
	char pack[256];
	size_t hits, misses;

	snprintf(pack, sizeof pack, "%s/pack", dir);
	check_text(problems_text, NULL, &plain, &hits, &misses);
	check_text(problems_text, pack, &cached, &hits, &misses);
	CHECK_STR(buf_str(&cached), buf_str(&plain));
	CHECK(hits == 0 && misses == 4);
	/* Every message is found again but the plural one, whose second form
	 * has a problem: a record says nothing of forms. */
	check_text(problems_text, pack, &cached, &hits, &misses);
	CHECK_STR(buf_str(&cached), buf_str(&plain));
	CHECK(hits == 3 && misses == 1);
	/* Lines moved and one translation changed: one more miss, the
	 * problems on their new lines. */
	replace(&plain, problems_text, "#: b.xml:4", "# a comment\n# of two lines\n#: b.xml:4");
	buf_adds(&edited, buf_str(&plain));
	replace(&plain, buf_str(&edited), "Zie <b>hier</b>", "Zie <em>daar</em>");
	check_text(buf_str(&plain), NULL, &edited, &hits, &misses);
	check_text(buf_str(&plain), pack, &cached, &hits, &misses);
	CHECK_STR(buf_str(&cached), buf_str(&edited));
	CHECK(hits == 2 && misses == 2);
	unlink(pack);
	buf_release(&plain);
	buf_release(&cached);
	buf_release(&edited);
}

static void percent(void)
{
	struct check_counts c;
	char s[32];

	memset(&c, 0, sizeof c);
	CHECK(check_percent(&c) == 100.0);
	c.words = 5;
	c.words_translated = 4;
	CHECK(check_percent(&c) == 80.0);
	report_percent(79.96, s, sizeof s);
	CHECK_STR(s, "79.9");
	report_percent(80.0, s, sizeof s);
	CHECK_STR(s, "80.0");
	report_percent(100.0, s, sizeof s);
	CHECK_STR(s, "100.0");
	CHECK(check_rule_find("numbers") >= 0);
	CHECK(check_rule_find("markup") >= 0);
	CHECK(check_rule_find("no-such-check") < 0);
	CHECK(check_rule_id(check_rule_find("urls")) != NULL);
}

/* An article stays published with outdated passages down to the margin. */
static void published(void)
{
	/* words, translated, fuzzy words, threshold, margin */
	CHECK(check_published(1000, 800, 0, 80, 20)); /* exactly at the gate */
	CHECK(!check_published(1000, 799, 0, 80, 20)); /* below, nothing outdated */
	CHECK(check_published(1000, 799, 201, 80, 20)); /* 79.9%, a little outdated */
	CHECK(check_published(1000, 600, 400, 80, 20)); /* down to 60% */
	CHECK(!check_published(1000, 599, 401, 80, 20)); /* well below: leaves */
	CHECK(!check_published(1000, 700, 50, 80, 20)); /* never reached the gate */
	CHECK(!check_published(1000, 799, 201, 80, 0)); /* no margin: the gate alone */
	CHECK(check_published(10, 1, 9, 10, 20)); /* margin past 0 */
	CHECK(check_published(0, 0, 0, 80, 20)); /* nothing to translate */
}

/* The words an article lacks: the fewest that publish it, as check_published decides. */
static void words_missing(void)
{
	unsigned long words, translated, missing;
	double thresholds[] = { 60, 80, 33.3, 100, 0 };
	size_t t;

	CHECK(check_words_missing(1000, 800, 80) == 0);
	CHECK(check_words_missing(1000, 799, 80) == 1);
	CHECK(check_words_missing(334, 237, 60) == 0);
	CHECK(check_words_missing(3, 0, 33.3) == 1);
	CHECK(check_words_missing(0, 0, 80) == 0);
	for (t = 0; t < sizeof thresholds / sizeof thresholds[0]; t++)
		for (words = 0; words < 60; words++)
			for (translated = 0; translated <= words; translated++) {
				missing = check_words_missing(words, translated, thresholds[t]);
				CHECK(check_published(words, translated + missing, 0, thresholds[t],
				                      0));
				CHECK(missing == 0 ||
				      !check_published(words, translated + missing - 1, 0,
				                       thresholds[t], 0));
			}
}

/* The gate's verdict in words: exactly check_failed, with the reason. */
static void verdict(void)
{
	struct check_lang l;
	struct check_problem problems[3];
	struct buf b = BUF_INIT;

	memset(&l, 0, sizeof l);
	memset(problems, 0, sizeof problems);
	l.threshold = 60;
	l.counts.words = 100;
	l.counts.words_translated = 70;
	check_verdict(&l, 0, &b);
	CHECK_STR(buf_str(&b), "at or above the 60% gate");
	l.problems = problems;
	l.problem_count = 3;
	problems[0].id = problems[1].id = problems[2].id = "x";
	problems[0].severity = DIAG_ERROR;
	problems[0].rejected = 1;
	problems[1].severity = DIAG_ERROR;
	problems[2].severity = DIAG_WARNING;
	check_verdict(&l, 0, &b);
	CHECK(check_failed(&l, 0));
	CHECK_STR(buf_str(&b), "fails the 60% gate: 1 rejected translation, 1 error");
	check_verdict(&l, 1, &b);
	CHECK_STR(buf_str(&b), "fails the 60% gate: 1 rejected translation, 1 error, 1 warning "
	                       "(strict)");
	l.counts.words_translated = 50;
	check_verdict(&l, 0, &b);
	CHECK_STR(buf_str(&b), "below the 60% gate; also 1 rejected translation, 1 error");
	l.problem_count = 0;
	check_verdict(&l, 0, &b);
	CHECK_STR(buf_str(&b), "below the 60% gate");
	l.preparing = 1;
	check_verdict(&l, 0, &b);
	CHECK(!check_failed(&l, 0));
	CHECK_STR(buf_str(&b), "in preparation: not on the site, not gated");
	buf_release(&b);
}

static void site_file(void)
{
	struct diag d;
	struct siteconf *sc;
	char path[256];

	diag_init(&d, NULL, NULL);
	snprintf(path, sizeof path, "%s/site.xml", dir);
	spit(path,
	     "<site><languages source=\"fr\" default-threshold=\"60\">"
	     "<language code=\"nl\" threshold=\"80\"/><language code=\"en\" threshold=\"50.5\"/>"
	     "</languages></site>");
	sc = siteconf_load(path, &d);
	CHECK(sc != NULL);
	if (sc) {
		CHECK_STR(sc->source, "fr");
		CHECK(siteconf_threshold(sc, "nl") == 80);
		CHECK(siteconf_threshold(sc, "nl_BE") == 80);
		CHECK(siteconf_threshold(sc, "en") == 50.5);
		CHECK(siteconf_threshold(sc, "de") == 60);
		CHECK(sc->keep_margin == SITECONF_KEEP_MARGIN);
		CHECK(siteconf_listed(sc, "nl") && siteconf_listed(sc, "nl_BE"));
		CHECK(siteconf_listed(sc, "fr")); /* the source */
		CHECK(!siteconf_listed(sc, "de")); /* in preparation */
		siteconf_free(sc);
	}
	spit(path, "<site><languages source=\"fr\" default-threshold=\"60\">"
	           "<language code=\"nl\" threshold=\"180\"/></languages></site>");
	CHECK(siteconf_load(path, &d) == NULL);
	spit(path, "<site/>");
	CHECK(siteconf_load(path, &d) == NULL);
	CHECK(diag_count(&d, DIAG_ERROR) == 2);
}

static void json(void)
{
	struct check_report r;
	struct report_options o = { 0, 0, NULL, NULL, 0, 0 };
	struct check_lang *l;
	struct diag d;
	char path[256];
	char *text;

	diag_init(&d, NULL, NULL);
	check_report_init(&r);
	r.langs = calloc(1, sizeof *r.langs);
	r.lang_count = r.lang_alloc = 1;
	l = &r.langs[0];
	l->lang = strdup("nl");
	l->po = strdup("po/nl.po");
	l->source_lang = strdup("fr");
	l->threshold = -1;
	snprintf(path, sizeof path, "%s/r.json", dir);
	l->problems = calloc(1, sizeof *l->problems);
	l->problem_count = l->problem_alloc = 1;
	l->problems[0].id = "numbers";
	l->problems[0].severity = DIAG_WARNING;
	l->problems[0].file = strdup("po/nl.po");
	l->problems[0].line = 12;
	l->problems[0].text = strdup("quote \" backslash \\ tab \t bell \a line\xe2\x80\xa8sep");
	CHECK(report_json(&r, &o, path, &d) == 0);
	text = slurp(path);
	CHECK(text && strstr(text, "\"message\": \"quote \\\" backslash \\\\ tab \\t bell "
	                           "\\u0007 line\\u2028sep\"") != NULL);
	CHECK(text && strstr(text, "\"threshold\": null") != NULL);
	free(text);
	check_report_release(&r);
}

int main(void)
{
	char path[300];

	if (!mkdtemp(dir))
		return 99;
	TEST(msg_text, "a message's text without its markup; one not well-formed stays as it is");
	TEST(counts, "a catalog's counts in messages and words, per file, as msgfmt counts");
	TEST(message_cache, "a message found in the cache gives what checking it gives");
	TEST(percent, "coverage in percent, rounded down, and the checks found by id");
	TEST(published, "an article stays published with outdated passages down to the margin");
	TEST(words_missing, "the words an article lacks are the fewest that publish it");
	TEST(verdict, "the gate's verdict in words is exactly check_failed, with the reason");
	TEST(site_file, "the site file gives thresholds by language and refuses bad ones");
	TEST(json, "the JSON report escapes its text and says null for no threshold");
	snprintf(path, sizeof path, "%s/nl.po", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/site.xml", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/r.json", dir);
	unlink(path);
	rmdir(dir);
	uni_cleanup();
	return unit_done("test-check");
}
