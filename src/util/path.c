/* path: safe names, joins, mkdir -p, the studio folder, atomic writes. */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/path.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

char *
path_safe_component(const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	const unsigned char *p;
	int space = 0;

	for (p = (const unsigned char *)name; *p != '\0'; p++) {
		unsigned char c = *p;

		/* Separators, shell-hostile and Windows-reserved characters
		 * become '_'; control characters and runs of blanks one space. */
		if (c < 0x20 || c == 0x7f || c == ' ') {
			space = sb.len > 0;
			continue;
		}
		if (space) {
			strbuf_addc(&sb, ' ');
			space = 0;
		}
		if (strchr("/\\:*?\"<>|", c) != NULL)
			c = '_';
		if (c == '.' && sb.len == 0)
			c = '_';	/* no hidden files, no "." or ".." */
		strbuf_addc(&sb, (char)c);
	}
	if (sb.len == 0)
		strbuf_addc(&sb, '_');
	if (sb.len > 200)	/* keep well under NAME_MAX, on a UTF-8 boundary */
	{
		size_t n = 200;

		while (n > 0 && ((unsigned char)sb.s[n] & 0xc0) == 0x80)
			n--;
		sb.s[n] = '\0';
		sb.len = n;
	}
	return strbuf_take(&sb);
}

char *
path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	if (n > 0 && dir[n - 1] == '/')
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

int
path_mkdirs(const char *dir)
{
	char *copy = xstrdup(dir), *p;
	int rc = 0;

	for (p = copy + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char save = *p;

			*p = '\0';
			if (mkdir(copy, 0755) != 0 && errno != EEXIST) {
				rc = -1;
				break;
			}
			*p = save;
			if (save == '\0')
				break;
		}
	}
	free(copy);
	return rc;
}

char *
path_studio_dir(const char *opt)
{
	const char *env;

	if (opt != NULL && *opt != '\0')
		return xstrdup(opt);
	if ((env = getenv("PICDAY_STUDIO")) != NULL && *env != '\0')
		return xstrdup(env);
	if ((env = getenv("XDG_DATA_HOME")) != NULL && *env != '\0')
		return path_join(env, "picday");
	if ((env = getenv("HOME")) == NULL || *env == '\0')
		env = "/tmp";
	return xasprintf("%s/.local/share/picday", env);
}

int
path_write_atomic(const char *path, const void *data, unsigned long len,
    int mode)
{
	char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
	const char *p = data;
	int fd, rc = -1;

	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
	if (fd < 0)
		goto out;
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			unlink(tmp);
			goto out;
		}
		p += n;
		len -= (unsigned long)n;
	}
	if (fsync(fd) != 0 || close(fd) != 0 || rename(tmp, path) != 0) {
		unlink(tmp);
		goto out;
	}
	rc = 0;
out:
	free(tmp);
	return rc;
}

int
path_commit(const char *tmp, const char *path)
{
	int fd, e;

	if ((fd = open(tmp, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	if (fsync(fd) != 0) {
		e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	close(fd);
	return rename(tmp, path);
}
