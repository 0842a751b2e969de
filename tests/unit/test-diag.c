/* Unit tests for diag: counting, formatting, the handler contract. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/diag.h"
#include "unit.h"

/* Collects every message as "severity|file|line|col|id|text\n". */
static void collect(const struct diag_message *msg, void *data)
{
	struct buf *out = data;

	buf_addf(out, "%s|%s|%ld|%ld|%s|%s\n", diag_severity_name(msg->severity),
	         msg->file ? msg->file : "-", msg->line, msg->column, msg->id ? msg->id : "-",
	         msg->text);
}

/* A failure is one statement: the helpers report and return -1. */
static int fail_plain(struct diag *d)
{
	return diag_error(d, "a.xml", 3, 4, "broken %s", "tag");
}

static int fail_errno(struct diag *d)
{
	errno = ENOENT;
	return diag_errno(d, "po/nl.po", "cannot open");
}

static void one_line_failures(void)
{
	struct buf out = BUF_INIT;
	struct diag d;
	unsigned long mark;

	diag_init(&d, collect, &out);
	mark = diag_mark(&d);
	CHECK(!diag_failed_since(&d, mark));
	diag_report(&d, DIAG_WARNING, NULL, 0, 0, "only a warning");
	CHECK(!diag_failed_since(&d, mark));
	CHECK(fail_plain(&d) == -1);
	CHECK(diag_failed_since(&d, mark));
	mark = diag_mark(&d);
	CHECK(fail_errno(&d) == -1);
	CHECK(diag_failed_since(&d, mark));
	CHECK_STR(buf_str(&out), "warning|-|0|0|-|only a warning\n"
	                         "error|a.xml|3|4|-|broken tag\n"
	                         "error|po/nl.po|0|0|-|cannot open: No such file or directory\n");
	buf_release(&out);
}

static void located_messages(void)
{
	struct buf out = BUF_INIT;
	struct diag d;

	diag_init(&d, collect, &out);
	diag_report(&d, DIAG_ERROR, "content/fr/a.xml", 12, 7, "unexpected %s", "element");
	diag_report(&d, DIAG_WARNING, "po/nl.po", 412, 0, "number %d changed", 28859);
	diag_report_id(&d, DIAG_WARNING, "numbers", "po/nl.po", 3, 0, "x");
	diag_report(&d, DIAG_NOTE, NULL, -5, -1, "library text with newline\n");
	CHECK_STR(buf_str(&out), "error|content/fr/a.xml|12|7|-|unexpected element\n"
	                         "warning|po/nl.po|412|0|-|number 28859 changed\n"
	                         "warning|po/nl.po|3|0|numbers|x\n"
	                         "note|-|0|0|-|library text with newline\n");
	CHECK(diag_count(&d, DIAG_ERROR) == 1);
	CHECK(diag_count(&d, DIAG_WARNING) == 2);
	CHECK(diag_count(&d, DIAG_NOTE) == 1);
	buf_release(&out);
}

static void long_message(void)
{
	struct buf out = BUF_INIT;
	struct diag d;
	char longtext[2000];

	/* Messages longer than the handler's small buffer arrive whole. */
	diag_init(&d, collect, &out);
	memset(longtext, 'x', sizeof longtext - 1);
	longtext[sizeof longtext - 1] = '\0';
	diag_report(&d, DIAG_ERROR, "f", 1, 1, "%s", longtext);
	CHECK(out.len == strlen("error|f|1|1|-|") + sizeof longtext - 1 + 1);
	buf_release(&out);
}

static void counted_without_handler(void)
{
	struct diag d;

	diag_init(&d, NULL, NULL);
	diag_report(&d, DIAG_ERROR, NULL, 0, 0, "counted");
	CHECK(diag_count(&d, DIAG_ERROR) == 1);
	CHECK_STR(diag_severity_name(DIAG_ERROR), "error");
}

int main(void)
{
	TEST(located_messages,
	     "messages reach the handler with severity, place, id and text, and are counted");
	TEST(long_message, "a message longer than the handler's buffer arrives whole");
	TEST(counted_without_handler, "without a handler a message is still counted");
	TEST(one_line_failures,
	     "diag_error and diag_errno report and return -1; marks see new errors");
	return unit_done("test-diag");
}
