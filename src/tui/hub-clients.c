/*
 * tui/hub-clients: the Clients hub — every client by name, the detail of
 * the current one, and Ctrl+N, the New client form (nothing is written
 * until OK; the write is lists_client_insert()).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/lists.h"
#include "tui/form.h"
#include "tui/hub.h"
#include "util/xalloc.h"

static const struct list_column clients_cols[] = {
	{ N_("Last name"), 1, 14, 2, 0 },
	{ N_("First name"), 2, 12, 1, 0 },
	{ N_("Student ID"), 3, 10, 0, 0 },
	{ N_("Grade"), 4, 5, 0, 0 },
	{ N_("Teacher"), 5, 12, 1, 0 },
	{ N_("Organization"), 6, 14, 1, 0 },
};

enum { F_FIRST, F_LAST, F_SID, F_GRADE, F_TEACHER, F_EMAIL, F_ORG };

static int
clients_check_email(const char *v, void *arg, char **cause)
{
	const char *at = strchr(v, '@');

	if (at == NULL || at == v || strchr(at + 1, '.') == NULL ||
	    strchr(v, ' ') != NULL) {
		*cause = xasprintf(_("%s does not look like an e-mail "
		    "address"), v);
		return -1;
	}
	return 0;
}

static const struct form_field client_fields[] = {
	[F_FIRST] = { N_("First name"), FORM_TEXT, 0, 60, NULL },
	[F_LAST] = { N_("Last name"), FORM_TEXT, 1, 60, NULL },
	[F_SID] = { N_("Student ID"), FORM_TEXT, 0, 30, NULL },
	[F_GRADE] = { N_("Grade"), FORM_TEXT, 0, 10, NULL },
	[F_TEACHER] = { N_("Teacher"), FORM_TEXT, 0, 60, NULL },
	[F_EMAIL] = { N_("Email"), FORM_TEXT, 0, 100, clients_check_email },
	[F_ORG] = { N_("Organization"), FORM_CHOICE, 0, 0, NULL },
};

static int
clients_submit(struct form_page *p, void *arg, char **cause)
{
	struct lists_client c;
	long long id;

	memset(&c, 0, sizeof c);
	c.first_name = form_value(p, F_FIRST);
	c.last_name = form_value(p, F_LAST);
	c.student_id = form_value(p, F_SID);
	c.grade = form_value(p, F_GRADE);
	c.teacher = form_value(p, F_TEACHER);
	c.email = form_value(p, F_EMAIL);
	c.org_id = form_choice_id(p, F_ORG);
	if (lists_client_insert(tui_store(), &c, &id, cause) != 0)
		return -1;
	tui_reload_all();
	tui_message(_("Client %s %s saved."), c.first_name, c.last_name);
	return 0;
}

static void
clients_new(void)
{
	struct form_page *p;
	struct form_choice *orgs;
	int n;

	p = form_page_new(client_fields, sizeof client_fields /
	    sizeof client_fields[0], NULL);
	hub_choices(LISTS_ORGS, 1, _("(none)"), &orgs, &n);
	form_page_set_choices(p, F_ORG, orgs, n);
	hub_choices_free(orgs, n);
	form_open(_("New client"), p, clients_submit, NULL);
}

static void
clients_init(struct hub *h)
{
	h->data = hub_list_new(LISTS_CLIENTS, clients_cols,
	    sizeof clients_cols / sizeof clients_cols[0], 6, NULL);
}

static int
clients_key(struct hub *h, int key, enum tui_action act)
{
	switch (act) {
	case ACT_NEW_CLIENT:
		clients_new();
		return TUI_HANDLED;
	default:
		return TUI_NOT_MINE;
	}
}

struct hub hub_clients = {
	N_("Clients"), SCOPE_CLIENTS,
	N_("students and other clients, by name"),
	clients_init, hub_list_hub_free, hub_list_hub_draw, clients_key,
	hub_list_hub_reload, hub_list_hub_list, NULL
};
