/*
 * store/secrets: settings that are secrets (upload and SMTP passwords) live
 * in STUDIO/secrets, "key=value" lines, mode 0600 — never in the database,
 * never logged or shown in full (DESIGN §2, §6).
 *
 * A secrets file readable by group or others is refused, not used.  Returned
 * strings are new (caller frees; clear them with secrets_free).  Any thread.
 */
#ifndef PICDAY_STORE_SECRETS_H
#define PICDAY_STORE_SECRETS_H

struct store;

/* 0 with *value set (NULL when the key is absent), or -1 with *cause. */
int	 secrets_get(struct store *, const char *key, char **value,
	    char **cause);
/* Sets (value != NULL) or removes a key; the file is rewritten atomically
 * with mode 0600.  0, or -1 with *cause. */
int	 secrets_set(struct store *, const char *key, const char *value,
	    char **cause);
/* Zeroes and frees a secret. */
void	 secrets_free(char *);
/* "ab…yz"-style mask for showing that a secret is set (caller frees). */
char	*secrets_mask(const char *);

#endif
