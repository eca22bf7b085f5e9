/*
 * core/autogroup: the image group auto-created for every session (DESIGN
 * §1.9; setup groups.auto NAME and groups.auto_rule): filled at image
 * import and again at each delivery build, by the rule "first:N" (the
 * first N frames by capture time, markers aside) or "selected" (exactly
 * the ✓ frames; the default).  A grant of style group:NAME then gives
 * those frames.
 *
 * Threads: the caller's store.  Errors: -1 with *cause (caller frees).
 */
#ifndef PICDAY_CORE_AUTOGROUP_H
#define PICDAY_CORE_AUTOGROUP_H

struct store;

/* N of "first:N", 0 for "selected" (or empty), -1 for anything else. */
int	autogroup_rule_parse(const char *rule);
/* Fills the session's auto group; 0 (also when none is set up) or -1. */
int	autogroup_fill(struct store *, long long number, char **cause);

#endif
