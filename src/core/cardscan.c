/*
 * core/cardscan: lists the frames of a card: recursive, read-only, never
 * through a symbolic link, junk dot-files skipped.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cardscan.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define CARDSCAN_MAX_DEPTH	32

int
cardscan_is_frame(const char *name)
{
	const char *dot;

	if (name[0] == '.')
		return 0;
	dot = strrchr(name, '.');
	return dot != NULL && dot != name && (strcasecmp(dot, ".jpg") == 0 ||
	    strcasecmp(dot, ".jpeg") == 0);
}

static void
add(struct cardscan *cs, char *rel)
{
	cs->rel = xreallocarray(cs->rel, cs->n + 1, sizeof *cs->rel);
	cs->rel[cs->n++] = rel;
}

static void
walk(int dfd, const char *prefix, int depth, struct cardscan *cs,
    char **cause)
{
	DIR *d;
	struct dirent *de;

	if ((d = fdopendir(dfd)) == NULL) {
		close(dfd);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		struct stat sb;
		char *rel;

		if (de->d_name[0] == '.')
			continue;
		if (fstatat(dirfd(d), de->d_name, &sb, AT_SYMLINK_NOFOLLOW) == -1)
			continue;
		rel = prefix[0] == '\0' ? xstrdup(de->d_name) :
		    xasprintf("%s/%s", prefix, de->d_name);
		if (S_ISDIR(sb.st_mode) && depth < CARDSCAN_MAX_DEPTH) {
			int fd = openat(dirfd(d), de->d_name, O_RDONLY |
			    O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

			if (fd == -1) {
				if (*cause == NULL)
					*cause = xasprintf(_("%s: %s"), rel,
					    strerror(errno));
			} else
				walk(fd, rel, depth + 1, cs, cause);
			free(rel);
		} else if (S_ISREG(sb.st_mode) && cardscan_is_frame(de->d_name))
			add(cs, rel);
		else
			free(rel);
	}
	closedir(d);
}

static int
cmp_rel(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
cardscan_walk(const char *dir, struct cardscan *cs, char **cause)
{
	int fd;

	cs->rel = NULL;
	cs->n = 0;
	*cause = NULL;
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd == -1) {
		*cause = xasprintf(_("%s: %s"), dir, strerror(errno));
		return -1;
	}
	walk(fd, "", 0, cs, cause);
	if (cs->n > 1)
		qsort(cs->rel, cs->n, sizeof *cs->rel, cmp_rel);
	return 0;
}

void
cardscan_free(struct cardscan *cs)
{
	size_t i;

	for (i = 0; i < cs->n; i++)
		free(cs->rel[i]);
	free(cs->rel);
	cs->rel = NULL;
	cs->n = 0;
}
