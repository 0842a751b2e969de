/*
 * po-diff: the differential test of traduki's PO reader and writer
 * against libgettextpo (catalog_compare) on every file named.
 *
 *     po-diff [-v] [-l LIST] FILE...
 *
 * -l reads the names from LIST, one a line.  Prints what differs, file by
 * file, then the totals: files, bytes, languages (the header's Language
 * field, else the file's name), how many files each reader read and how
 * many entries each writer wrote.  Exit status 0 when every file agrees,
 * 1 when one does not, 2 on a usage error.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/catalog.h"

struct totals {
	size_t files, bytes, gettext_read, fast_read, entries, gettext_entries, failures;
	char **langs;
	size_t nlangs;
};

static int slurp(const char *path, struct buf *out)
{
	FILE *fp = fopen(path, "rb");
	char chunk[65536];
	size_t n;

	if (!fp)
		return -1;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(out, chunk, n);
	fclose(fp);
	return 0;
}

/* The language of a catalog: its Language field, else its file name. */
static void count_language(struct totals *t, const char *path, const struct buf *text)
{
	struct diag quiet;
	struct catalog *cat;
	char *lang = NULL;
	size_t i;

	diag_init(&quiet, NULL, NULL);
	cat = catalog_read_memory(buf_str(text), text->len, path, &quiet);
	if (cat)
		lang = catalog_header_field(cat, "Language");
	catalog_free(cat);
	if (!lang || !*lang) {
		const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;

		free(lang);
		lang = strndup(base, strcspn(base, "."));
	}
	for (i = 0; i < t->nlangs; i++)
		if (strcmp(t->langs[i], lang) == 0) {
			free(lang);
			return;
		}
	t->langs = realloc(t->langs, (t->nlangs + 1) * sizeof *t->langs);
	t->langs[t->nlangs++] = lang;
}

static void compare(struct totals *t, const char *path, int verbose)
{
	struct buf text = BUF_INIT;
	struct catalog_comparison c;

	if (slurp(path, &text) != 0) {
		fprintf(stderr, "po-diff: cannot read %s\n", path);
		t->failures++;
		return;
	}
	t->files++;
	t->bytes += text.len;
	if (catalog_compare(buf_str(&text), text.len, path, &c) != 0) {
		printf("%s: DIFFERS: %s\n", path, buf_str(&c.why));
		t->failures++;
	} else if (verbose) {
		printf("%s: same (%s; %zu entries, %zu by libgettextpo)\n", path,
		       c.fast_read      ? "read by potext"
		       : c.gettext_read ? "read by libgettextpo"
		                        : "unreadable",
		       c.entries, c.gettext_entries);
	}
	t->gettext_read += c.gettext_read;
	t->fast_read += c.fast_read;
	t->entries += c.entries;
	t->gettext_entries += c.gettext_entries;
	if (c.gettext_read)
		count_language(t, path, &text);
	buf_release(&c.why);
	buf_release(&text);
}

int main(int argc, char **argv)
{
	struct totals t;
	int i, verbose = 0;
	size_t k;

	memset(&t, 0, sizeof t);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-v") == 0) {
			verbose = 1;
		} else if (strcmp(argv[i], "-l") == 0 && i + 1 < argc) {
			FILE *fp = fopen(argv[++i], "r");
			char line[4096];

			if (!fp) {
				fprintf(stderr, "po-diff: cannot read %s\n", argv[i]);
				return 2;
			}
			while (fgets(line, sizeof line, fp)) {
				line[strcspn(line, "\n")] = '\0';
				if (*line)
					compare(&t, line, verbose);
			}
			fclose(fp);
		} else if (argv[i][0] == '-') {
			fprintf(stderr, "usage: po-diff [-v] [-l LIST] FILE...\n");
			return 2;
		} else {
			compare(&t, argv[i], verbose);
		}
	}
	printf("po-diff: %zu files, %zu bytes, %zu languages; read by libgettextpo without "
	       "error: %zu; read by traduki's reader: %zu; entries written: %zu, of which by "
	       "libgettextpo: %zu; differences: %zu\n",
	       t.files, t.bytes, t.nlangs, t.gettext_read, t.fast_read, t.entries,
	       t.gettext_entries, t.failures);
	for (k = 0; k < t.nlangs; k++)
		free(t.langs[k]);
	free(t.langs);
	return t.failures ? 1 : 0;
}
