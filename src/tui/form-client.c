/*
 * tui/form-client: the client form (Ctrl+N new, Enter or e edit) and the
 * delete confirmation of the Clients hub (clients.h).  Role (student,
 * teacher, staff), Title and Priority come after the organization.  The writes are
 * store_client_save() and store_client_delete().
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/role.h"
#include "store/client.h"
#include "tui/clients.h"
#include "tui/dialog.h"
#include "tui/form.h"
#include "tui/hub.h"
#include "util/xalloc.h"

enum {
	F_FIRST, F_LAST, F_SID, F_GRADE, F_TEACHER, F_HOMEROOM, F_EMAIL,
	F_PHONE, F_GUARDIAN, F_ORG, F_ROLE, F_TITLE, F_PRIORITY, F_NFIELDS
};

/* The choices of F_ROLE, by id. */
static const char *const form_client_roles[] = { NULL, ROLE_TEACHER,
    ROLE_STAFF };

/* The form's text fields in enum client_field order. */
static const int form_client_map[CLIENT_NFIELDS] = {
	[CLIENT_FIRST_NAME] = F_FIRST, [CLIENT_LAST_NAME] = F_LAST,
	[CLIENT_STUDENT_ID] = F_SID, [CLIENT_GRADE] = F_GRADE,
	[CLIENT_TEACHER] = F_TEACHER, [CLIENT_HOMEROOM] = F_HOMEROOM,
	[CLIENT_EMAIL] = F_EMAIL, [CLIENT_PHONE] = F_PHONE,
	[CLIENT_GUARDIAN] = F_GUARDIAN, [CLIENT_ROLE] = -1,
	[CLIENT_TITLE] = F_TITLE, [CLIENT_PRIORITY] = F_PRIORITY,
};

static int
form_client_check_priority(const char *v, void *arg, char **cause)
{
	char buf[8];
	const char *out;

	(void)arg;
	if (role_priority_parse(v, buf, &out) != 0) {
		*cause = xasprintf(_("priority '%s' is not a number from 1 to "
		    "999"), v);
		return -1;
	}
	return 0;
}

static int
form_client_check_email(const char *v, void *arg, char **cause)
{
	const char *at = strchr(v, '@');

	(void)arg;
	if (at == NULL || at == v || strchr(at + 1, '.') == NULL ||
	    strchr(v, ' ') != NULL) {
		*cause = xasprintf(_("%s does not look like an e-mail "
		    "address"), v);
		return -1;
	}
	return 0;
}

static const struct form_field form_client_fields[F_NFIELDS] = {
	[F_FIRST] = { N_("First name"), FORM_TEXT, 0, 60, NULL },
	[F_LAST] = { N_("Last name"), FORM_TEXT, 1, 60, NULL },
	[F_SID] = { N_("Student ID"), FORM_TEXT, 0, 30, NULL },
	[F_GRADE] = { N_("Grade"), FORM_TEXT, 0, 10, NULL },
	[F_TEACHER] = { N_("Teacher"), FORM_TEXT, 0, 60, NULL },
	[F_HOMEROOM] = { N_("Homeroom"), FORM_TEXT, 0, 30, NULL },
	[F_EMAIL] = { N_("Email"), FORM_TEXT, 0, 100,
	    form_client_check_email },
	[F_PHONE] = { N_("Phone"), FORM_TEXT, 0, 40, NULL },
	[F_GUARDIAN] = { N_("Guardian"), FORM_TEXT, 0, 60, NULL },
	[F_ORG] = { N_("Organization"), FORM_CHOICE, 0, 0, NULL },
	[F_ROLE] = { N_("Role"), FORM_CHOICE, 0, 0, NULL },
	[F_TITLE] = { N_("Title"), FORM_TEXT, 0, 60, NULL },
	[F_PRIORITY] = { N_("Priority"), FORM_TEXT, 0, 3,
	    form_client_check_priority },
};

static int
form_client_submit(struct form_page *p, void *arg, char **cause)
{
	struct client c;
	const char *v;
	long long id, k;
	int i;

	memset(&c, 0, sizeof c);
	c.id = (long long)(intptr_t)arg;
	c.org_id = form_choice_id(p, F_ORG);
	/* The form's strings live until the form closes: borrow them;
	 * an empty field is stored as none. */
	for (i = 0; i < CLIENT_NFIELDS; i++) {
		if (form_client_map[i] < 0)
			continue;
		v = form_value(p, form_client_map[i]);
		c.f[i] = *v != '\0' ? (char *)v : NULL;
	}
	k = form_choice_id(p, F_ROLE);
	c.f[CLIENT_ROLE] = k > 0 && k < 3 ? (char *)form_client_roles[k] :
	    NULL;
	if (store_client_save(tui_store(), &c, &id, cause) != 0)
		return -1;
	tui_reload_all();
	tui_message(_("Client %s %s saved."), form_value(p, F_FIRST),
	    form_value(p, F_LAST));
	return 0;
}

void
form_client_open(long long id)
{
	struct form_page *p;
	struct form_choice *orgs, tmp, roles[3];
	struct client c;
	int n, i, k;

	memset(&c, 0, sizeof c);
	if (id != 0) {
		if (store_client_get(tui_store(), id, &c) != 1) {
			tui_error(_("That client is gone."));
			return;
		}
	}
	p = form_page_new(form_client_fields, F_NFIELDS,
	    (void *)(intptr_t)id);
	for (i = 0; i < CLIENT_NFIELDS; i++)
		if (c.f[i] != NULL && form_client_map[i] >= 0)
			form_set_value(p, form_client_map[i], c.f[i]);
	/* The role: the client's first, as with the organization. */
	for (i = 0; i < 3; i++) {
		k = (i + (c.f[CLIENT_ROLE] == NULL ? 0 : strcmp(c.f[CLIENT_ROLE],
		    ROLE_TEACHER) == 0 ? 1 : 2)) % 3;
		roles[i].id = k;
		roles[i].label = k == 0 ? _("student") : k == 1 ? _("teacher") :
		    _("staff");
	}
	form_page_set_choices(p, F_ROLE, roles, 3);
	hub_choices(LISTS_ORGS, 1, _("(none)"), &orgs, &n);
	/* The first choice is the one shown: rotate the client's to the
	 * front, so ←/→ still walk the organizations in their order. */
	for (k = 0; k < n && orgs[0].id != c.org_id; k++) {
		tmp = orgs[0];
		memmove(orgs, orgs + 1, (n - 1) * sizeof *orgs);
		orgs[n - 1] = tmp;
	}
	form_page_set_choices(p, F_ORG, orgs, n);
	hub_choices_free(orgs, n);
	form_open(id == 0 ? _("New client") : _("Edit client"), p,
	    form_client_submit, (void *)(intptr_t)id);
	client_clear(&c);
}

static void
form_client_delete_yes(void *arg)
{
	long long id = (long long)(intptr_t)arg;
	char *cause = NULL;

	if (store_client_delete(tui_store(), id, &cause) != 0) {
		dialog_message(_("Client not deleted"), cause);
		free(cause);
		return;
	}
	tui_reload_all();
	tui_message(_("Client deleted."));
}

void
form_client_delete(long long id)
{
	struct client_usage u;
	struct client c;
	char *text, *name;

	if (id == 0 || store_client_get(tui_store(), id, &c) != 1 ||
	    store_client_usage(tui_store(), id, &u) != 0) {
		tui_error(_("No client to delete here."));
		return;
	}
	name = xasprintf("%s %s", c.f[CLIENT_FIRST_NAME] != NULL ?
	    c.f[CLIENT_FIRST_NAME] : "", c.f[CLIENT_LAST_NAME] != NULL ?
	    c.f[CLIENT_LAST_NAME] : "");
	client_clear(&c);
	if (u.images > 0 || u.invoices > 0) {
		/* L10N: %s a client's name; then counts of its images and
		 * invoices. */
		text = xasprintf(_("%s cannot be deleted: the client has %lld "
		    "images and %lld invoices. A client with images or "
		    "invoices is kept."), name, u.images, u.invoices);
		dialog_message(_("Client not deleted"), text);
	} else if (u.sessions > 0) {
		text = xasprintf(_("Delete client %s and its sessions (%lld)?"),
		    name, u.sessions);
		dialog_confirm(_("Delete client"), text,
		    form_client_delete_yes, (void *)(intptr_t)id);
	} else {
		text = xasprintf(_("Delete client %s?"), name);
		dialog_confirm(_("Delete client"), text,
		    form_client_delete_yes, (void *)(intptr_t)id);
	}
	free(text);
	free(name);
}
