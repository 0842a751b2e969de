/*
 * A private scratch folder for a fuzz target's files, on a memory file
 * system when there is one (/dev/shm) so that the engine's fsync costs
 * nothing, removed with what is in it when the process exits.
 */
#ifndef TRADUKI_FUZZ_TMPDIR_H
#define TRADUKI_FUZZ_TMPDIR_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char fuzz_tmpdir_path[256];
static char fuzz_tmpfile_path[300];

static void fuzz_tmpdir_remove(void)
{
	if (fuzz_tmpfile_path[0])
		unlink(fuzz_tmpfile_path);
	if (fuzz_tmpdir_path[0])
		rmdir(fuzz_tmpdir_path);
}

/* A fresh path NAME in the scratch folder (one per process); free it. */
static inline char *fuzz_tmpfile(const char *name)
{
	struct stat st;
	const char *base =
	    stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) && access("/dev/shm", W_OK) == 0
	        ? "/dev/shm"
	        : (getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");

	snprintf(fuzz_tmpdir_path, sizeof fuzz_tmpdir_path, "%s/traduki-fuzz-XXXXXX", base);
	if (!mkdtemp(fuzz_tmpdir_path)) {
		perror("fuzz: mkdtemp");
		exit(1);
	}
	snprintf(fuzz_tmpfile_path, sizeof fuzz_tmpfile_path, "%s/%s", fuzz_tmpdir_path, name);
	atexit(fuzz_tmpdir_remove);
	return strdup(fuzz_tmpfile_path);
}

#endif
