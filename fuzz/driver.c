/*
 * Runs a fuzz target without libFuzzer: once over each input file given,
 * or, without arguments, over every file of the target's committed seeds
 * (fuzz/seeds/TARGET/) and regression cases (fuzz/regress/TARGET/), which
 * is how "make check" replays every input that once broke something.
 * Built when configure was not given --enable-fuzzing, with any compiler;
 * with --enable-sanitizers the replay runs under ASan and UBSan too.
 *
 * Exit status: 0 when every input ran (a target that finds a bug aborts),
 * 99 when an input cannot be read (a hard error for the test harness).
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *data = NULL;
	size_t len = 0, alloc = 0, n;

	if (!fp) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return 99;
	}
	do {
		if (len + 65536 > alloc) {
			alloc = (len + 65536) * 2;
			data = realloc(data, alloc);
			if (!data) {
				fprintf(stderr, "%s: out of memory\n", path);
				exit(99);
			}
		}
		n = fread(data + len, 1, 65536, fp);
		len += n;
	} while (n > 0);
	if (ferror(fp)) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		fclose(fp);
		free(data);
		return 99;
	}
	fclose(fp);
	/* A copy of exactly LEN bytes, so that ASan sees any read past the end. */
	{
		unsigned char *exact = malloc(len ? len : 1);

		if (!exact)
			exit(99);
		memcpy(exact, data, len);
		free(data);
		LLVMFuzzerTestOneInput(exact, len);
		free(exact);
	}
	return 0;
}

/* Runs every regular file in DIR, in name order; a missing DIR is empty. */
static int run_dir(const char *dir, size_t *count)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, i;
	int rc = 0;

	if (!dp)
		return errno == ENOENT ? 0 : 99;
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = realloc(names, (n + 1) * sizeof *names);
		if (!names)
			exit(99);
		names[n++] = strdup(e->d_name);
	}
	closedir(dp);
	if (n > 1)
		qsort(names, n, sizeof *names, compare_names);
	for (i = 0; i < n; i++) {
		size_t len = strlen(dir) + strlen(names[i]) + 2;
		char *path = malloc(len);

		snprintf(path, len, "%s/%s", dir, names[i]);
		printf("%s\n", path);
		fflush(stdout);
		if (run_file(path) != 0)
			rc = 99;
		(*count)++;
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

int main(int argc, char **argv)
{
	const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	size_t count = 0;
	int i, rc = 0;

	LLVMFuzzerInitialize(&argc, &argv);
	if (argc > 1) {
		for (i = 1; i < argc; i++) {
			struct stat st;

			if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
				rc |= run_dir(argv[i], &count);
			else if ((rc |= run_file(argv[i])) == 0)
				count++;
		}
	} else {
		static const char *const kinds[] = { "seeds", "regress" };
		size_t k;

		/* libtool-style "lt-" prefixes do not occur: no libtool here. */
		for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
			size_t len = strlen(fuzz_srcdir()) + strlen(name) + 32;
			char *dir = malloc(len);

			snprintf(dir, len, "%s/fuzz/%s/%s", fuzz_srcdir(), kinds[k], name);
			rc |= run_dir(dir, &count);
			free(dir);
		}
	}
	printf("%s: %zu inputs\n", name, count);
	return rc ? 99 : 0;
}
