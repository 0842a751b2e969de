/*
 * Unit tests for catalog: what libgettextpo writes, what catalog adds
 * (lines, no-wrap), and how broken files are reported.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/buf.h"
#include "lib/cache.h"
#include "lib/catalog.h"
#include "unit.h"

static char dir[] = "/tmp/traduki-catalog-XXXXXX";

static void collect(const struct diag_message *msg, void *data)
{
	struct buf *out = data;

	buf_addf(out, "%s:%ld: %s: %s%s%s", msg->file ? msg->file : "-", msg->line,
	         diag_severity_name(msg->severity), msg->id ? "[" : "", msg->id ? msg->id : "",
	         msg->id ? "] " : "");
	buf_adds(out, msg->text);
	buf_addc(out, '\n');
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

static void spit(const char *path, const char *text)
{
	FILE *fp = fopen(path, "wb");

	fputs(text, fp);
	fclose(fp);
}

static struct buf out = BUF_INIT;
static struct diag d;
static char path[256], bad[256];

static void write_template(void)
{
	struct catalog *cat;
	struct catalog_msg *m;
	char *text;

	/* A template with a header, a plain message, a preserved one. */
	cat = catalog_create("t.pot");
	catalog_set_header(cat,
	                   "Project-Id-Version: test\nContent-Type: text/plain; charset=UTF-8\n");
	catalog_set_header_fuzzy(cat, 1);
	m = catalog_append(cat, NULL, "Bonjour <em>monde</em>\xc2\xa0!", NULL);
	catalog_msg_add_ref(m, "a.xml", 3);
	catalog_msg_add_ref(m, "b.xml", 7);
	catalog_msg_set_extracted(m, "A greeting.\n");
	m = catalog_append(cat, "intro",
	                   "  deux  espaces\net une ligne tr\xc3\xa8s longue qui "
	                   "d\xc3\xa9passe largement la largeur habituelle des "
	                   "lignes d'un fichier PO",
	                   NULL);
	catalog_msg_set_no_wrap(m, 1);
	CHECK(catalog_write(cat, path, 0, &d) == 0);
	CHECK(diag_count(&d, DIAG_ERROR) == 0);
	text = slurp(path);
	CHECK(text && strstr(text, "#, fuzzy\nmsgid \"\"\n") == text);
	CHECK(text && strstr(text, "#. A greeting.\n#: a.xml:3 b.xml:7\nmsgid \"Bonjour "
	                           "<em>monde</em>\xc2\xa0!\"\nmsgstr \"\"\n") != NULL);
	/* no-wrap: the long line is not broken, only the newline is. */
	CHECK(text &&
	      strstr(text, "#, no-wrap\nmsgctxt \"intro\"\nmsgid \"\"\n\"  deux  espaces\\n\"\n"
	                   "\"et une ligne tr\xc3\xa8s longue qui d\xc3\xa9passe largement la "
	                   "largeur habituelle des lignes d'un fichier PO\"\n") != NULL);
	CHECK(text && strstr(text, "ycp") == NULL);
	free(text);
	/* The catalog still answers after the round trip the write made. */
	CHECK(catalog_count(cat) == 2);
	CHECK_STR(catalog_msg_ctxt(catalog_at(cat, 1)), "intro");
	CHECK(catalog_msg_no_wrap(catalog_at(cat, 1)) == 1);
	catalog_free(cat);
}

static void read_back(void)
{
	struct catalog *back;
	struct catalog_msg *m;
	char *field;
	long line;

	/* Read back: lines of each msgid, the no-wrap flag, references. */
	back = catalog_read(path, &d);
	CHECK(back != NULL);
	if (back) {
		CHECK(catalog_count(back) == 2);
		m = catalog_at(back, 0);
		CHECK(catalog_msg_line(m) == 9);
		CHECK(catalog_msg_no_wrap(m) == 0);
		CHECK(catalog_msg_ref_count(m) == 2);
		CHECK_STR(catalog_msg_ref(m, 1, &line), "b.xml");
		CHECK(line == 7);
		CHECK_STR(catalog_msg_extracted(m), "A greeting.\n");
		CHECK(!catalog_msg_translated(m));
		m = catalog_at(back, 1);
		CHECK(catalog_msg_no_wrap(m) == 1);
		CHECK(catalog_msg_line(m) == 14);
		CHECK(catalog_header_fuzzy(back));
		CHECK(catalog_header_line(back) == 2);
		field = catalog_header_field(back, "Project-Id-Version");
		CHECK_STR(field, "test");
		free(field);

		/* Translate, set a header field, write again: byte-stable. */
		catalog_set_header_field(back, "Language", "nl");
		catalog_msg_set_str(catalog_at(back, 0), "Hallo <em>wereld</em>!");
		CHECK(catalog_msg_translated(catalog_at(back, 0)));
		catalog_msg_set_fuzzy(catalog_at(back, 0), 1);
		CHECK(!catalog_msg_translated(catalog_at(back, 0)));
		CHECK(catalog_write(back, path, 0, &d) == 0);
		catalog_free(back);
		back = catalog_read(path, &d);
		field = back ? catalog_header_field(back, "Language") : NULL;
		CHECK_STR(field, "nl");
		free(field);
		CHECK(back && catalog_msg_fuzzy(catalog_at(back, 0)));
		CHECK(back && catalog_msg_no_wrap(catalog_at(back, 1)));
		catalog_free(back);
	}
}

/* The catalog at PATH, read through C (NULL: none), as written, into TEXT. */
static void read_rendered(struct cache *c, struct buf *text)
{
	struct catalog *cat = catalog_read_cached(path, 0, c, &d);

	buf_truncate(text, 0);
	CHECK(cat && catalog_render(cat, "t.po", text, &d) == 0);
	catalog_free(cat);
}

static void read_cached(void)
{
	struct cache *c = cache_open(""); /* in memory: never saved */
	struct buf plain = BUF_INIT, text = BUF_INIT;
	char *original, *edited = NULL, *at;

	read_rendered(NULL, &plain);
	/* The first read finds no record and leaves one, the next finds it
	 * and reads the same catalog. */
	read_rendered(c, &text);
	CHECK(cache_stats(c)->hits == 0 && cache_stats(c)->misses == 1);
	CHECK_STR(buf_str(&text), buf_str(&plain));
	read_rendered(c, &text);
	CHECK(cache_stats(c)->hits == 1);
	CHECK_STR(buf_str(&text), buf_str(&plain));
	/* An entry edited so that potext would write it otherwise is not
	 * taken on the file's record: libgettextpo reads the file. */
	original = slurp(path);
	at = original ? strstr(original, "msgid \"Bonjour") : NULL;
	CHECK(at != NULL);
	if (at) {
		buf_truncate(&text, 0);
		buf_add(&text, original, (size_t)(at - original));
		buf_adds(&text, "msgid  ");
		buf_adds(&text, at + 6);
		edited = buf_detach(&text);
		spit(path, edited);
		read_rendered(NULL, &plain);
		read_rendered(c, &text);
		CHECK_STR(buf_str(&text), buf_str(&plain));
		spit(path, original);
	}
	free(original);
	free(edited);
	buf_release(&plain);
	buf_release(&text);
	cache_free(c);
}

static void syntax_errors(void)
{
	/* Syntax errors: reported with file and line, nothing returned. */
	buf_truncate(&out, 0);
	spit(bad, "msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"c\nmsgstr \"\"\n");
	CHECK(catalog_read(bad, &d) == NULL);
	/* The line whose text is not closed (msgfmt names the next one). */
	CHECK(strstr(buf_str(&out), "bad.po:4: error: the text is not closed") != NULL);
	CHECK(strstr(buf_str(&out), "/proc/") == NULL);

	/* A duplicate: one diagnostic, at the second. */
	buf_truncate(&out, 0);
	spit(bad, "msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n");
	CHECK(catalog_read(bad, &d) == NULL);
	CHECK(strstr(buf_str(&out),
	             "bad.po:4: error: this message (its msgctxt and msgid) is in the "
	             "catalog twice") != NULL);

	/* A missing file. */
	buf_truncate(&out, 0);
	CHECK(catalog_read("/nonexistent/x.po", &d) == NULL);
	CHECK(strstr(buf_str(&out), "/nonexistent/x.po:0: error: cannot open: ") != NULL);
}

static void format_checks(void)
{
	struct catalog *cat;

	/* libgettextpo's checks: a format-string mismatch, at its line. */
	buf_truncate(&out, 0);
	spit(bad, "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
	          "#, c-format\nmsgid \"%d files\"\nmsgstr \"%s fichiers\"\n");
	cat = catalog_read(bad, &d);
	CHECK(cat != NULL);
	if (cat) {
		CHECK(catalog_check(cat, &d) >= 1);
		CHECK(strstr(buf_str(&out), "bad.po:6: error: [format]") != NULL ||
		      strstr(buf_str(&out), "bad.po:5: error: [format]") != NULL);
		catalog_free(cat);
	}
}

/* A Latin-1 catalog: UTF-8 inside, Latin-1 again when written. */
static void latin1_catalog(void)
{
	static const char latin1[] =
	    "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n\n"
	    "msgid \"Caf\xe9\"\nmsgstr \"Koffie \xe0 la fran\xe7"
	    "aise\"\n";
	struct buf written = BUF_INIT;
	struct catalog *cat;
	char *field;

	buf_truncate(&out, 0);
	cat = catalog_read_memory(latin1, sizeof latin1 - 1, "latin1.po", &d);
	CHECK(cat != NULL);
	if (cat) {
		CHECK_STR(catalog_msg_id(catalog_at(cat, 0)), "Caf\xc3\xa9");
		field = catalog_header_field(cat, "Content-Type");
		CHECK_STR(field, "text/plain; charset=UTF-8");
		free(field);
		CHECK(catalog_render(cat, "latin1.po", &written, &d) == 0);
		CHECK_STR(buf_str(&written), latin1);
		/* A character Latin-1 does not have cannot be written. */
		catalog_msg_set_str(catalog_at(cat, 0), "Koffie\xe2\x80\xa6");
		CHECK(catalog_render(cat, "latin1.po", &written, &d) == -1);
		CHECK(strstr(buf_str(&out), "latin1.po:5: error: a character that does "
		                            "not exist in ISO-8859-1") != NULL);
		catalog_free(cat);
	}
	buf_release(&written);
}

static void unwritable(void)
{
	struct catalog *cat;

	/* Writing where it cannot: reported, nothing left behind. */
	buf_truncate(&out, 0);
	cat = catalog_create("x");
	catalog_append(cat, NULL, "x", NULL);
	CHECK(catalog_write(cat, "/nonexistent/dir/x.pot", 0, &d) == -1);
	catalog_free(cat);
}

int main(void)
{
	diag_init(&d, collect, &out);
	if (!mkdtemp(dir))
		return 99;
	snprintf(path, sizeof path, "%s/t.pot", dir);
	snprintf(bad, sizeof bad, "%s/bad.po", dir);
	TEST(write_template, "a template is written with its header, references and no-wrap");
	TEST(read_back,
	     "a catalog read back has its lines, flags and references, and is byte-stable");
	TEST(read_cached, "a read through a record of the entries proved exact reads the same");
	TEST(syntax_errors,
	     "a syntax error, a duplicate or a missing file is reported at its line");
	TEST(format_checks, "libgettextpo's format checks report at the message's line");
	TEST(latin1_catalog, "a Latin-1 catalog is UTF-8 inside and Latin-1 again when written");
	TEST(unwritable, "a catalog that cannot be written is reported");
	unlink(path);
	unlink(bad);
	rmdir(dir);
	buf_release(&out);
	return unit_done("test-catalog");
}
