/*
 * diag: counting and dispatching diagnostics.  See diag.h.
 */
#include <config.h>

#include "diag.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "mem.h"

void diag_init(struct diag *d, diag_handler_fn *handler, void *data)
{
	memset(d, 0, sizeof *d);
	d->handler = handler;
	d->data = data;
}

static void dispatch(struct diag *d, enum diag_severity severity, const char *id, const char *file,
                     long line, long column, const char *fmt, va_list ap)
{
	struct diag_message msg;
	char small[512];
	char *text = small;
	va_list ap2;
	int n;

	if (severity >= DIAG_SEVERITY_COUNT)
		severity = DIAG_ERROR;
	d->count[severity]++;
	if (!d->handler)
		return;

	va_copy(ap2, ap);
	n = vsnprintf(small, sizeof small, fmt, ap);
	if (n < 0) {
		text = small;
		snprintf(small, sizeof small, "(unprintable message)");
	} else if ((size_t)n >= sizeof small) {
		text = xmalloc((size_t)n + 1);
		vsnprintf(text, (size_t)n + 1, fmt, ap2);
	}
	va_end(ap2);

	/* Library messages (libxml2) end with a newline, and some span two
	 * lines; a diagnostic is one line, so that tools can parse it. */
	n = (int)strlen(text);
	while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' '))
		text[--n] = '\0';
	for (char *p = text; (p = strchr(p, '\n')) != NULL;)
		*p = ' ';

	msg.severity = severity;
	msg.file = file;
	msg.line = line > 0 ? line : 0;
	msg.column = column > 0 ? column : 0;
	msg.id = id;
	msg.text = text;
	d->handler(&msg, d->data);
	if (text != small)
		free(text);
}

void diag_report(struct diag *d, enum diag_severity severity, const char *file, long line,
                 long column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	dispatch(d, severity, NULL, file, line, column, fmt, ap);
	va_end(ap);
}

void diag_report_id(struct diag *d, enum diag_severity severity, const char *id, const char *file,
                    long line, long column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	dispatch(d, severity, id, file, line, column, fmt, ap);
	va_end(ap);
}

int diag_error(struct diag *d, const char *file, long line, long column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	dispatch(d, DIAG_ERROR, NULL, file, line, column, fmt, ap);
	va_end(ap);
	return -1;
}

int diag_errno(struct diag *d, const char *file, const char *fmt, ...)
{
	const char *why = strerror(errno);
	struct buf text = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&text, fmt, ap);
	va_end(ap);
	diag_report(d, DIAG_ERROR, file, 0, 0, "%s: %s", buf_str(&text), why);
	buf_release(&text);
	return -1;
}

unsigned long diag_mark(const struct diag *d)
{
	return d->count[DIAG_ERROR];
}

int diag_failed_since(const struct diag *d, unsigned long mark)
{
	return d->count[DIAG_ERROR] != mark;
}

unsigned long diag_count(const struct diag *d, enum diag_severity severity)
{
	return severity < DIAG_SEVERITY_COUNT ? d->count[severity] : 0;
}

const char *diag_severity_name(enum diag_severity severity)
{
	switch (severity) {
	case DIAG_NOTE:
		return "note";
	case DIAG_WARNING:
		return "warning";
	default:
		return "error";
	}
}
