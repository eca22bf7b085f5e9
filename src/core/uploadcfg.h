/*
 * core/uploadcfg: the studio's upload target, as the setup keys hold it
 * (upload.url, upload.user, upload.identity, upload.known_hosts,
 * upload.cacert, upload.parallel, upload.limit_rate, upload.endpoint,
 * upload.region; the password or S3 secret in the secrets file under
 * upload.password).
 *
 * uploadcfg_load() fills a struct upload_config (net/upload.h) whose
 * strings it owns; uploadcfg_free() clears the password.  The target key
 * (`target`) names the target in the uploads table: the URL without
 * credentials, plus the endpoint for s3://.
 *
 * Threads: the caller's store.  Errors: -1 with *cause (caller frees).
 */
#ifndef PICDAY_CORE_UPLOADCFG_H
#define PICDAY_CORE_UPLOADCFG_H

#include "net/upload.h"

struct store;

struct uploadcfg {
	struct upload_config	 c;
	char			*target;
	char			*s[9];	/* owned strings behind c */
};

/* The setup keys of the target, in the order of `picday setup list`. */
extern const char *const uploadcfg_keys[];

int	 uploadcfg_load(struct store *, struct uploadcfg *, char **cause);
void	 uploadcfg_free(struct uploadcfg *);
/* Test connection: writes and deletes a small file on the saved target.
 * 0, or -1 with *cause (the target named, without credentials). */
int	 uploadcfg_test(struct store *, char **cause);
/* "2M", "500k", "1048576" -> bytes per second; -1 when not a rate. */
long long uploadcfg_parse_rate(const char *);

#endif
