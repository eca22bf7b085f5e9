/* store/secrets: the 0600 key=value file beside the studio database. */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/secrets.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* Reads the whole file; 0 with *text (NULL when there is no file). */
static int
secrets_read(struct store *st, char **text, char **cause)
{
	struct strbuf sb = STRBUF_INIT;
	char *path = store_path(st, "secrets"), buf[4096];
	struct stat s;
	size_t n;
	FILE *f;

	*text = NULL;
	if ((f = fopen(path, "r")) == NULL) {
		if (errno == ENOENT) {
			free(path);
			return 0;
		}
		*cause = xasprintf(_("cannot read %s: %s"), path,
		    strerror(errno));
		free(path);
		return -1;
	}
	if (fstat(fileno(f), &s) != 0 || (s.st_mode & 077) != 0) {
		*cause = xasprintf(_("%s is readable by others: chmod 600 it"),
		    path);
		fclose(f);
		free(path);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	free(path);
	*text = strbuf_take(&sb);
	return 0;
}

int
secrets_get(struct store *st, const char *key, char **value, char **cause)
{
	size_t klen = strlen(key);
	char *text, *line, *save = NULL;

	*value = NULL;
	if (secrets_read(st, &text, cause) != 0)
		return -1;
	if (text == NULL)
		return 0;
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		line[strcspn(line, "\r")] = '\0';
		if (strncmp(line, key, klen) == 0 && line[klen] == '=') {
			secrets_free(*value);
			*value = xstrdup(line + klen + 1);
		}
	}
	secrets_free(text);
	return 0;
}

int
secrets_set(struct store *st, const char *key, const char *value,
    char **cause)
{
	struct strbuf out = STRBUF_INIT;
	size_t klen = strlen(key);
	char *text, *line, *save = NULL, *path;
	int rc;

	if (strchr(key, '=') != NULL || strchr(key, '\n') != NULL ||
	    (value != NULL && strpbrk(value, "\r\n") != NULL)) {
		*cause = xstrdup(_("a secret's key or value may not hold "
		    "'=' in the key or a line break"));
		return -1;
	}
	if (secrets_read(st, &text, cause) != 0)
		return -1;
	if (text != NULL) {
		for (line = strtok_r(text, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save)) {
			if (strncmp(line, key, klen) == 0 && line[klen] == '=')
				continue;
			strbuf_adds(&out, line);
			strbuf_addc(&out, '\n');
		}
		secrets_free(text);
	}
	if (value != NULL)
		strbuf_addf(&out, "%s=%s\n", key, value);
	path = store_path(st, "secrets");
	rc = path_write_atomic(path, strbuf_str(&out), out.len, 0600);
	if (rc != 0)
		*cause = xasprintf(_("cannot write %s: %s"), path,
		    strerror(errno));
	free(path);
	if (out.s != NULL)
		memset(out.s, 0, out.cap);
	strbuf_free(&out);
	return rc;
}

void
secrets_free(char *s)
{
	if (s == NULL)
		return;
	memset(s, 0, strlen(s));
	free(s);
}

char *
secrets_mask(const char *s)
{
	if (s == NULL || *s == '\0')
		return xstrdup("");
	return xstrdup("********");
}
