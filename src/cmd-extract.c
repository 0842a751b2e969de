/*
 * traduki extract: the translatable text of XML documents, following ITS
 * 2.0 rules, into a POT template.  The work is src/lib/extract.c; this
 * file reads the command line, lists the documents and sets the status.
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib/extract.h"
#include "lib/its.h"
#include "lib/mem.h"
#include "lib/xmldoc.h"
#include "tool.h"

static const char help[] =
    "Usage: traduki extract [--its=RULES]... [-o OUT.pot] [-f LIST] FILE|DIR...\n"
    "\n"
    "Extract the translatable text of XML documents into a POT template,\n"
    "following the W3C ITS 2.0 rules given with --its and those the\n"
    "documents carry.  One message per translation unit, inline markup\n"
    "kept; see the README for the message syntax.  A directory stands for\n"
    "the *.xml files below it, in sorted order.\n"
    "\n"
    "  -i, --its=FILE             ITS rules for every document (repeatable)\n"
    "  -o, --output=FILE          write the template to FILE (default: standard\n"
    "                             output); FILE is written only when complete\n"
    "  -f, --files-from=LIST      also read the documents named in LIST, one per\n"
    "                             line ('#' starts a comment)\n"
    "  -s, --schema=FILE.rng      check each document against a RELAX NG schema\n"
    "      --package-name=NAME    Project-Id-Version of the template\n"
    "      --package-version=VER  version appended to it\n"
    "      --source-lang=LANG     source language (default: the first document's\n"
    "                             ITS Language Information)\n"
    "  -h, --help                 show this help and exit\n"
    "\n"
    "When OUT.pot exists with the same messages, its POT-Creation-Date is\n"
    "kept and the file is not touched; otherwise the date is now, or\n"
    "SOURCE_DATE_EPOCH when set.\n"
    "\n"
    "Exit status: 0 on success, 2 on a usage error or when a document or a\n"
    "rules file cannot be read, is not well-formed or not valid (nothing is\n"
    "written then).\n";

enum { OPT_PACKAGE_NAME = 256, OPT_PACKAGE_VERSION, OPT_SOURCE_LANG };

struct file_list {
	char **paths;
	size_t count, alloc;
};

static void list_add(struct file_list *list, const char *path)
{
	xgrow((void **)&list->paths, &list->alloc, list->count + 1, sizeof *list->paths);
	list->paths[list->count++] = xstrdup(path);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_xml_suffix(const char *name)
{
	size_t len = strlen(name);

	return len > 4 && strcmp(name + len - 4, ".xml") == 0;
}

/* Adds the *.xml files below DIR, sorted, depth first. */
static int add_directory(struct file_list *list, const char *dir, struct diag *d)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, alloc = 0, i;
	int rc = 0;

	if (!dp) {
		diag_report(d, DIAG_ERROR, dir, 0, 0, "cannot open directory: %s", strerror(errno));
		return -1;
	}
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		xgrow((void **)&names, &alloc, n + 1, sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(dp);
	qsort(names, n, sizeof *names, compare_names);
	for (i = 0; i < n; i++) {
		size_t len = strlen(dir);
		char *path = xmalloc(len + strlen(names[i]) + 2);
		struct stat st;

		sprintf(path, "%s%s%s", dir, len && dir[len - 1] == '/' ? "" : "/", names[i]);
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			rc |= add_directory(list, path, d);
		else if (has_xml_suffix(names[i]))
			list_add(list, path);
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

static int add_argument(struct file_list *list, const char *path, struct diag *d)
{
	struct stat st;

	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return add_directory(list, path, d);
	list_add(list, path);
	return 0;
}

/* Adds the documents named in the file LIST. */
static int add_list_file(struct file_list *list, const char *path, struct diag *d)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	char line[4096];
	long lineno = 0;
	int rc = 0;

	if (!fp) {
		diag_report(d, DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof line, fp)) {
		size_t len = strlen(line);
		char *p = line;

		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r' ||
		                   line[len - 1] == ' ' || line[len - 1] == '\t'))
			line[--len] = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '#')
			continue;
		rc |= add_argument(list, p, d);
	}
	if (ferror(fp)) {
		diag_report(d, DIAG_ERROR, path, lineno, 0, "cannot read: %s", strerror(errno));
		rc = -1;
	}
	if (fp != stdin)
		fclose(fp);
	return rc;
}

int cmd_extract(int argc, char **argv, struct tool_ctx *ctx)
{
	static const struct option options[] = {
		{ "its", required_argument, NULL, 'i' },
		{ "output", required_argument, NULL, 'o' },
		{ "files-from", required_argument, NULL, 'f' },
		{ "schema", required_argument, NULL, 's' },
		{ "package-name", required_argument, NULL, OPT_PACKAGE_NAME },
		{ "package-version", required_argument, NULL, OPT_PACKAGE_VERSION },
		{ "source-lang", required_argument, NULL, OPT_SOURCE_LANG },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct extract_header header = { NULL, NULL, NULL };
	struct file_list files = { NULL, 0, 0 };
	const char *output = "-", *schema_path = NULL;
	struct its_rules *rules = its_rules_new();
	struct xmldoc_schema *schema = NULL;
	struct extract *ex = NULL;
	int c, status = TOOL_OK;
	size_t i;

	while ((c = getopt_long(argc, argv, "i:o:f:s:h", options, NULL)) != -1) {
		switch (c) {
		case 'i':
			if (its_rules_load(rules, optarg, &ctx->diag) != 0)
				status = TOOL_USAGE;
			break;
		case 'o':
			output = optarg;
			break;
		case 'f':
			if (add_list_file(&files, optarg, &ctx->diag) != 0)
				status = TOOL_USAGE;
			break;
		case 's':
			schema_path = optarg;
			break;
		case OPT_PACKAGE_NAME:
			header.package_name = optarg;
			break;
		case OPT_PACKAGE_VERSION:
			header.package_version = optarg;
			break;
		case OPT_SOURCE_LANG:
			header.source_lang = optarg;
			break;
		case 'h':
			status = tool_print_help(ctx, help);
			goto done;
		default:
			status = tool_option_error(ctx);
			goto done;
		}
	}
	for (; optind < argc; optind++)
		if (add_argument(&files, argv[optind], &ctx->diag) != 0)
			status = TOOL_USAGE;
	if (status != TOOL_OK)
		goto done;
	if (files.count == 0) {
		status = tool_usage_error(ctx, "no document given");
		goto done;
	}
	if (schema_path && !(schema = xmldoc_schema_load(schema_path, &ctx->diag))) {
		status = TOOL_USAGE;
		goto done;
	}

	/* Every document is read, so that one run reports every problem;
	 * the template is written only when there was none. */
	ex = extract_new(rules);
	for (i = 0; i < files.count; i++) {
		xmlDocPtr doc = xmldoc_read_file(files.paths[i], &ctx->diag);

		if (!doc || (schema && xmldoc_validate(schema, doc, &ctx->diag) != 0) ||
		    extract_doc(ex, doc, files.paths[i], &ctx->diag) != 0)
			status = TOOL_USAGE;
		if (doc)
			xmlFreeDoc(doc);
	}
	if (status == TOOL_OK && extract_write(ex, output, &header, &ctx->diag) != 0) {
		status = TOOL_USAGE;
		/* Said once is enough: the final check of standard output
		 * need not report the same write error again. */
		if (strcmp(output, "-") == 0) {
			__fpurge(stdout);
			clearerr(stdout);
		}
	}

done:
	extract_free(ex);
	xmldoc_schema_free(schema);
	its_rules_free(rules);
	for (i = 0; i < files.count; i++)
		free(files.paths[i]);
	free(files.paths);
	return status;
}
