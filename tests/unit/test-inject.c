/*
 * Unit tests for inject: ITS Locale Filter matching, the states a unit can
 * end in (translated, untranslated, fuzzy, a copy of the source, rejected)
 * with their xml:lang marks and counts, rejected translations reported
 * once, and the manifest's numbers (coverage rounded down, published
 * compared exactly).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "lib/buf.h"
#include "lib/catalog.h"
#include "lib/inject.h"
#include "lib/its.h"
#include "lib/segment.h"
#include "lib/uni.h"
#include "lib/xmldoc.h"
#include "unit.h"

static xmlDocPtr parse(const char *text, struct diag *d)
{
	return xmldoc_read_memory(text, strlen(text), "test.xml", d);
}

/* Does the Locale Filter LIST (of TYPE) admit LANG? */
static int admits(const char *list, const char *type, const char *lang)
{
	struct buf src = BUF_INIT;
	struct diag d;
	xmlDocPtr doc;
	struct its_doc *its;
	int yes;

	diag_init(&d, NULL, NULL);
	buf_addf(&src,
	         "<doc xmlns:its='http://www.w3.org/2005/11/its' its:localeFilterList='%s' "
	         "its:localeFilterType='%s'/>",
	         list, type);
	doc = parse(buf_str(&src), &d);
	its = its_doc_new(NULL, doc, &d);
	yes = its_locale_admits(its, xmlDocGetRootElement(doc), lang);
	its_doc_free(its);
	xmlFreeDoc(doc);
	buf_release(&src);
	return yes;
}

static void locale_filter(void)
{
	CHECK(admits("*", "include", "en"));
	CHECK(!admits("", "include", "en"));
	CHECK(!admits("  ", "include", "fr"));
	CHECK(admits("en, nl", "include", "nl"));
	CHECK(admits("de", "include", "de-CH"));
	CHECK(!admits("de-CH", "include", "de"));
	CHECK(admits("*-CH", "include", "fr-CH"));
	CHECK(admits("*-CH", "include", "fr_CH"));
	CHECK(!admits("*-CH", "include", "fr-FR"));
	CHECK(admits("de-DE", "include", "de-Latn-DE"));
	CHECK(!admits("de-DE", "include", "de-x-DE")); /* a singleton stops the skipping */
	CHECK(admits("DE", "include", "de"));
	CHECK(!admits("de", "exclude", "de-AT"));
	CHECK(admits("de", "exclude", "fr"));
	CHECK(!admits("*", "exclude", "fr"));
}

/* A catalog in memory: msgid, msgstr and fuzzy flag for each message. */
static struct catalog *make_catalog(void)
{
	struct catalog *cat = catalog_create("po/en.po");
	struct catalog_msg *m;

	catalog_set_header(cat, "Content-Type: text/plain; charset=UTF-8\n"
	                        "X-Source-Language: fr\n");
	m = catalog_append(cat, NULL, "Un titre traduit", NULL);
	catalog_msg_set_str(m, "A translated title");
	m = catalog_append(cat, NULL, "Voir <a>le site</a> maintenant", NULL);
	catalog_msg_set_str(m, "See <a href=\"javascript:x()\">the site</a> now");
	m = catalog_append(cat, NULL, "Une phrase floue de cinq mots", NULL);
	catalog_msg_set_str(m, "A fuzzy sentence");
	catalog_msg_set_fuzzy(m, 1);
	m = catalog_append(cat, NULL, "une copie de la source ici", NULL);
	catalog_msg_set_str(m, "une copie de la source ici");
	m = catalog_append(cat, NULL, "Une image", NULL);
	catalog_msg_set_str(m, "A picture");
	m = catalog_append(cat, "intro", "Un texte", NULL);
	catalog_msg_set_str(m, "An intro text");
	return cat;
}

static const char doc_text[] =
    "<doc xmlns:its='http://www.w3.org/2005/11/its' id='d1' date='2026-11-30' xml:lang='fr'>"
    "<its:rules version='2.0'>"
    "<its:translateRule selector='//img/@alt' translate='yes'/>"
    "<its:withinTextRule selector='//a' withinText='yes'/>"
    "<its:idValueRule selector='/doc' idValue='@id'/>"
    "<its:localeFilterRule selector='//note' localeFilterList=''/>"
    "</its:rules>"
    "<h>Un titre traduit</h>"
    "<p>Voir <a href='https://example.org/'>le site</a> maintenant</p>"
    "<p>Voir <a href='https://example.org/'>le site</a> maintenant</p>"
    "<p>Une phrase floue de cinq mots</p>"
    "<p>une copie de la source ici</p>"
    "<p>Sans traduction</p>"
    "<p xml:id='intro'>Un texte</p>"
    "<img src='a.png' alt='Une image'/><img src='b.png' alt='Une autre image'/>"
    "<note>Pour la rédaction</note>"
    "</doc>";

static char *dump(xmlDocPtr doc)
{
	xmlChar *mem = NULL;
	int len = 0;
	char *out;

	xmlDocDumpMemory(doc, &mem, &len);
	out = strdup((const char *)mem);
	xmlFree(mem);
	return out;
}

static void injected_document(void)
{
	struct inject_options opt = { "en", NULL, 50.0, 0.0 };
	struct catalog *cat = make_catalog();
	struct inject *inj = inject_new(NULL, cat, &opt);
	const struct inject_article *art;
	struct diag d;
	xmlDocPtr doc;
	char *out;

	diag_init(&d, NULL, NULL);
	doc = parse(doc_text, &d);
	CHECK(inject_doc(inj, doc, "d1.xml", &d) == 0);
	out = dump(doc);
	CHECK(strstr(out, "<doc xmlns:its=\"http://www.w3.org/2005/11/its\" id=\"d1\" "
	                  "date=\"2026-11-30\" xml:lang=\"en\">") != NULL);
	CHECK(strstr(out, "<h>A translated title</h>") != NULL);
	/* Rejected (a new href), twice in the document, reported once. */
	CHECK(strstr(out, "<p xml:lang=\"fr\">Voir <a href=\"https://example.org/\">le "
	                  "site</a> maintenant</p>") != NULL);
	CHECK(strstr(out, "javascript") == NULL);
	CHECK(diag_count(&d, DIAG_ERROR) == 1);
	CHECK(inject_rejected(inj) == 1);
	CHECK(strstr(out, "<p xml:lang=\"fr\">Une phrase floue de cinq mots</p>") != NULL);
	CHECK(strstr(out, "<p xml:lang=\"fr\">une copie de la source ici</p>") != NULL);
	CHECK(strstr(out, "<p xml:lang=\"fr\">Sans traduction</p>") != NULL);
	CHECK(strstr(out, "<p xml:id=\"intro\">An intro text</p>") != NULL);
	CHECK(strstr(out, "<img src=\"a.png\" alt=\"A picture\"/>") != NULL);
	CHECK(strstr(out, "<img src=\"b.png\" alt=\"Une autre image\" xml:lang=\"fr\"/>") != NULL);
	CHECK(strstr(out, "<note") == NULL);
	free(out);
	xmlFreeDoc(doc);

	CHECK(inject_article_count(inj) == 1);
	art = inject_article_at(inj, 0);
	CHECK_STR(art->id, "d1");
	CHECK_STR(art->file, "d1.xml");
	CHECK_STR(art->date, "2026-11-30");
	/* Words of distinct messages: 3 + 4 + 6 + 6 + 2 + 2 + 2 + 3. */
	CHECK(art->words == 28);
	CHECK(art->translated == 3 + 2 + 2); /* title, intro, picture */
	CHECK(art->fuzzy == 1);
	CHECK(art->fallback == 5); /* rejected, fuzzy, copy, untranslated, alt */
	CHECK(art->rejected == 1);
	CHECK(art->published == 0); /* 7 of 28 is below 50 % */
	inject_free(inj);
	catalog_free(cat);
}

/* An article with the id ID: 3 words, all translated or 2 of them. */
static void add_article(struct inject *inj, const char *id, int translated, struct diag *d)
{
	struct buf src = BUF_INIT, name = BUF_INIT;
	xmlDocPtr doc;

	buf_addf(&src, "<a xml:id='%s'><p>un deux</p><p>%s</p></a>", id,
	         translated ? "trois" : "cinq");
	buf_addf(&name, "%s.xml", id);
	doc = parse(buf_str(&src), d);
	CHECK(inject_doc(inj, doc, buf_str(&name), d) == 0);
	xmlFreeDoc(doc);
	buf_release(&src);
	buf_release(&name);
}

static void manifests(void)
{
	struct inject_options opt = { "nl", "fr", 66.7, 0.0 };
	struct catalog *cat = catalog_create("po/nl.po");
	struct inject *inj;
	struct diag d;
	char dir[] = "/tmp/traduki-inject-XXXXXX", path[256];
	char *text;

	diag_init(&d, NULL, NULL);
	catalog_set_header(cat, "Content-Type: text/plain; charset=UTF-8\n");
	catalog_msg_set_str(catalog_append(cat, NULL, "un deux", NULL), "een twee");
	catalog_msg_set_str(catalog_append(cat, NULL, "trois", NULL), "drie");
	inj = inject_new(NULL, cat, &opt);
	add_article(inj, "b-partial", 0, &d); /* 2 of 3 words: 66.6, below 66.7 */
	add_article(inj, "a-full", 1, &d); /* 3 of 3: 100 */
	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/manifest.xml", dir);
	CHECK(inject_write_manifest(inj, path, &d) == 1);
	CHECK(inject_write_manifest(inj, path, &d) == 0); /* unchanged: not written */
	text = unit_slurp(path);
	CHECK_STR(text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                "<manifest lang=\"nl\" source=\"fr\" threshold=\"66.7\">\n"
	                "  <article id=\"a-full\" file=\"a-full.xml\" words=\"3\" "
	                "translated=\"3\" coverage=\"100\" fuzzy=\"0\" fallback=\"0\" "
	                "published=\"yes\"/>\n"
	                "  <article id=\"b-partial\" file=\"b-partial.xml\" words=\"3\" "
	                "translated=\"2\" coverage=\"66.6\" fuzzy=\"0\" fallback=\"1\" "
	                "published=\"no\"/>\n"
	                "</manifest>\n");
	free(text);
	unlink(path);

	/* Two articles with one id: an error, nothing written. */
	add_article(inj, "a-full", 1, &d);
	CHECK(inject_write_manifest(inj, path, &d) == -1);
	CHECK(access(path, F_OK) != 0);
	rmdir(dir);
	inject_free(inj);
	catalog_free(cat);
}

/* Writes TEXT to a new file in DIR named NAME; returns the path (static). */
static const char *write_file(const char *dir, const char *name, const char *text)
{
	static char path[256];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	fp = fopen(path, "w");
	if (fp) {
		fputs(text, fp);
		fclose(fp);
	}
	return path;
}

static void collect(const struct diag_message *msg, void *data)
{
	buf_addf(data, "%ld: %s\n", msg->line, msg->text);
}

/*
 * catalog_read_translations gives what catalog_read gives, but the
 * comments the build does not read; diagnostics and lines are the file's.
 */
static void read_translations(void)
{
	static const char po[] = "# A translator comment.\n"
	                         "msgid \"\"\n"
	                         "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
	                         "\n"
	                         "# traduki: same-as-source\n"
	                         "#. An extracted comment.\n"
	                         "#: a.xml:1 b.xml:2\n"
	                         "#, fuzzy, no-wrap\n"
	                         "#| msgid \"Ancien\"\n"
	                         "msgctxt \"ctx\"\n"
	                         "msgid \"Un été \\\"chaud\\\"\"\n"
	                         "msgstr \"A \\\"hot\\\" \"\n"
	                         "\"summer\"\n"
	                         "\n"
	                         "#: c.xml:3\n"
	                         "msgid \"Deux\"\n"
	                         "msgstr \"Two\"\n"
	                         "\n"
	                         "#~ msgid \"Vieux\"\n"
	                         "#~ msgstr \"Old\"\n";
	char dir[] = "/tmp/traduki-read-XXXXXX";
	struct catalog *full, *lean;
	struct buf errs_full = BUF_INIT, errs_lean = BUF_INIT;
	struct diag d;
	size_t i;

	CHECK(mkdtemp(dir) != NULL);
	diag_init(&d, NULL, NULL);
	full = catalog_read(write_file(dir, "x.po", po), &d);
	lean = catalog_read_translations(write_file(dir, "x.po", po), &d);
	CHECK(full && lean && catalog_count(full) == 3 && catalog_count(lean) == 3);
	for (i = 0; full && lean && i < catalog_count(full); i++) {
		const struct catalog_msg *a = catalog_at(full, i), *b = catalog_at(lean, i);

		CHECK_STR(catalog_msg_id(b), catalog_msg_id(a));
		CHECK_STR(catalog_msg_str(b), catalog_msg_str(a));
		CHECK((catalog_msg_ctxt(a) == NULL) == (catalog_msg_ctxt(b) == NULL));
		CHECK(catalog_msg_fuzzy(a) == catalog_msg_fuzzy(b));
		CHECK(catalog_msg_obsolete(a) == catalog_msg_obsolete(b));
		CHECK(catalog_msg_no_wrap(a) == catalog_msg_no_wrap(b));
		CHECK(catalog_msg_line(a) == catalog_msg_line(b));
		CHECK_STR(catalog_msg_comments(b), catalog_msg_comments(a));
	}
	if (full && lean) {
		CHECK_STR(catalog_msg_str(catalog_at(lean, 0)), "A \"hot\" summer");
		CHECK(catalog_msg_line(catalog_at(lean, 0)) == 11);
		CHECK(catalog_msg_ref_count(catalog_at(full, 0)) == 2);
		CHECK(catalog_msg_ref_count(catalog_at(lean, 0)) == 0);
		CHECK_STR(catalog_header(lean), catalog_header(full));
	}
	catalog_free(full);
	catalog_free(lean);

	/* A syntax error after stripped lines: the file's own line, both ways. */
	diag_init(&d, collect, &errs_full);
	CHECK(catalog_read(write_file(dir, "y.po", "#: a.xml:1\n#. x\nmsgid \"a\"\nmsgstr \"b\n"),
	                   &d) == NULL);
	diag_init(&d, collect, &errs_lean);
	CHECK(catalog_read_translations(write_file(dir, "y.po",
	                                           "#: a.xml:1\n#. x\nmsgid "
	                                           "\"a\"\nmsgstr \"b\n"),
	                                &d) == NULL);
	CHECK_STR(buf_str(&errs_lean), buf_str(&errs_full));
	CHECK(strncmp(buf_str(&errs_full), "4: ", 3) == 0); /* the line left open */
	buf_release(&errs_full);
	buf_release(&errs_lean);
	unlink(write_file(dir, "x.po", ""));
	unlink(write_file(dir, "y.po", ""));
	rmdir(dir);
}

int main(void)
{
	TEST(locale_filter, "ITS Locale Filter lists admit the languages they name");
	TEST(injected_document,
	     "translations in place, fallbacks marked with the source language, an article's "
	     "counts");
	TEST(manifests,
	     "a manifest lists the articles by id, rewritten only when it changes; one id twice "
	     "is an error");
	TEST(read_translations,
	     "catalog_read_translations reads what catalog_read does, at the file's lines");
	segment_cleanup();
	uni_cleanup();
	xmlCleanupParser();
	return unit_done("test-inject");
}
