/*
 * diag: the one channel through which the engine reports problems.
 *
 * The engine never prints.  Every warning or error goes to a struct diag,
 * which counts it by severity and hands it to the handler that the tool
 * installed (the command-line tool prints "file:line:col: severity: text";
 * a test can collect the messages instead).  libxml2 errors are routed here
 * by xmldoc, ICU errors by uni.
 */
#ifndef TRADUKI_DIAG_H
#define TRADUKI_DIAG_H

#include <stdarg.h>

enum diag_severity { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR, DIAG_SEVERITY_COUNT };

/*
 * One diagnostic.  FILE may be NULL (a problem not tied to a file); LINE
 * and COLUMN are 1-based, 0 when unknown.  ID names the check that fired
 * ("markup", "numbers"...) or is NULL.  All strings belong to the caller of
 * the handler and live only for the duration of the call.
 */
struct diag_message {
	enum diag_severity severity;
	const char *file;
	long line;
	long column;
	const char *id;
	const char *text;
};

typedef void diag_handler_fn(const struct diag_message *msg, void *data);

struct diag {
	diag_handler_fn *handler; /* may be NULL: messages are only counted */
	void *data;
	unsigned long count[DIAG_SEVERITY_COUNT];
};

/* Sets up D with HANDLER (or NULL) and its DATA; all counts zero. */
void diag_init(struct diag *d, diag_handler_fn *handler, void *data);

/*
 * Reports a message built from FMT (printf-style).  Lines and columns of 0
 * mean unknown.  The text reaches the handler as one line: a trailing
 * newline is dropped and inner ones become spaces, so messages taken from
 * libraries read the same as ours.
 */
void diag_report(struct diag *d, enum diag_severity severity, const char *file, long line,
                 long column, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Same as diag_report, for a message that belongs to the named check ID. */
void diag_report_id(struct diag *d, enum diag_severity severity, const char *id, const char *file,
                    long line, long column, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/*
 * A failure in one line: reports an error and returns -1, so that a
 * function can say "return diag_error(d, path, line, 0, ...)".
 */
int diag_error(struct diag *d, const char *file, long line, long column, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/*
 * The same for a failed system call: the message is FMT followed by ": "
 * and strerror(errno), with errno read before anything else can change it.
 * Returns -1.
 */
int diag_errno(struct diag *d, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * Marks where D stands, so that a caller can ask later whether a step it
 * handed D to reported an error: "mark = diag_mark(d); step(d);
 * if (diag_failed_since(d, mark))".  Steps that return no status (libxml2
 * callbacks, a parser that recovers) are judged this way.
 */
unsigned long diag_mark(const struct diag *d);
int diag_failed_since(const struct diag *d, unsigned long mark);

/* Number of messages of SEVERITY reported so far. */
unsigned long diag_count(const struct diag *d, enum diag_severity severity);

/* "note", "warning" or "error". */
const char *diag_severity_name(enum diag_severity severity);

#endif
