/*
 * core/autogroup: the auto-created image group of every session.  See
 * core/autogroup.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/autogroup.h"
#include "store/db.h"
#include "store/grant.h"
#include "util/i18n.h"
#include "util/xalloc.h"

int
autogroup_rule_parse(const char *rule)
{
	char *end;
	long n;

	if (rule == NULL || *rule == '\0' || strcmp(rule, "selected") == 0)
		return 0;
	if (strncmp(rule, "first:", 6) != 0 || rule[6] < '0' || rule[6] > '9')
		return -1;
	n = strtol(rule + 6, &end, 10);
	return *end == '\0' && n > 0 && n <= 100000 ? (int)n : -1;
}

int
autogroup_fill(struct store *st, long long number, char **cause)
{
	char *name = store_pref_get(st, "groups.auto");
	char *rule = store_pref_get(st, "groups.auto_rule");
	int first, rc = 0;

	if (name == NULL || *name == '\0')
		goto out;
	if ((first = autogroup_rule_parse(rule)) < 0) {
		*cause = xasprintf(_("groups.auto_rule '%s' is not first:N or "
		    "selected"), rule);
		rc = -1;
	} else if (store_group_auto_fill(st, number, name, first) != 0) {
		*cause = xasprintf(_("cannot fill the image group %s of "
		    "session %lld: %s"), name, number, store_errmsg(st));
		rc = -1;
	}
out:
	free(name);
	free(rule);
	return rc;
}
