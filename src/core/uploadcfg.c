/* core/uploadcfg: the upload target from the setup keys.  See uploadcfg.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/uploadcfg.h"
#include "store/db.h"
#include "store/secrets.h"
#include "util/i18n.h"
#include "util/xalloc.h"

const char *const uploadcfg_keys[] = {
	"upload.url", "upload.user", "upload.identity", "upload.known_hosts",
	"upload.cacert", "upload.parallel", "upload.limit_rate",
	"upload.endpoint", "upload.region", NULL
};

long long
uploadcfg_parse_rate(const char *v)
{
	char *end;
	double n;

	if (v == NULL || *v == '\0')
		return -1;
	n = strtod(v, &end);
	if (end == v || n < 0)
		return -1;
	switch (*end) {
	case 'k': case 'K': n *= 1024; end++; break;
	case 'm': case 'M': n *= 1024 * 1024; end++; break;
	case 'g': case 'G': n *= 1024.0 * 1024 * 1024; end++; break;
	default: break;
	}
	if (*end == 'B' || *end == 'b')
		end++;
	return *end == '\0' ? (long long)n : -1;
}

int
uploadcfg_load(struct store *st, struct uploadcfg *u, char **cause)
{
	char *v, *pw = NULL;
	size_t i;

	memset(u, 0, sizeof *u);
	for (i = 0; uploadcfg_keys[i] != NULL; i++) {
		v = store_pref_get(st, uploadcfg_keys[i]);
		if (v != NULL && *v == '\0') {
			free(v);
			v = NULL;
		}
		u->s[i] = v;
	}
	if (u->s[0] == NULL) {
		*cause = xstrdup(_("no upload target is set: picday upload "
		    "target URL"));
		uploadcfg_free(u);
		return -1;
	}
	if (secrets_get(st, "upload.password", &pw, cause) != 0) {
		uploadcfg_free(u);
		return -1;
	}
	u->c.url = u->s[0];
	u->c.user = u->s[1];
	u->c.identity = u->s[2];
	u->c.known_hosts = u->s[3];
	u->c.cacert = u->s[4];
	u->c.parallel = u->s[5] != NULL ? atoi(u->s[5]) : 4;
	u->c.limit_rate = u->s[6] != NULL ? uploadcfg_parse_rate(u->s[6]) : 0;
	if (u->c.limit_rate < 0)
		u->c.limit_rate = 0;
	u->c.endpoint = u->s[7];
	u->c.region = u->s[8];
	u->c.password = pw;
	v = upload_redact(u->c.url);
	if (strncmp(v, "s3://", 5) == 0 && u->c.endpoint != NULL) {
		u->target = xasprintf("%s@%s", v, u->c.endpoint);
		free(v);
	} else
		u->target = v;
	return 0;
}

void
uploadcfg_free(struct uploadcfg *u)
{
	size_t i;

	secrets_free((char *)u->c.password);
	for (i = 0; i < sizeof u->s / sizeof u->s[0]; i++)
		free(u->s[i]);
	free(u->target);
	memset(u, 0, sizeof *u);
}

int
uploadcfg_test(struct store *st, char **cause)
{
	struct uploadcfg cfg;
	struct upload *up;
	char *why = NULL;
	int rc;

	if (uploadcfg_load(st, &cfg, cause) != 0)
		return -1;
	rc = upload_open(&cfg.c, &up, &why);
	if (rc == 0) {
		rc = upload_test(up, &why);
		upload_close(up);
	}
	if (rc != 0) {
		*cause = xasprintf(_("test of %s failed: %s"), cfg.target,
		    why);
		free(why);
	}
	uploadcfg_free(&cfg);
	return rc;
}
