/*
 * tui/form: forms with field validation, and the field engine the wizards
 * (tui/steps.h) share (mc quick.h style: a form is a declarative table of
 * fields).
 *
 *	static const struct form_field fields[] = {
 *		{ N_("Last name"), FORM_TEXT, 1, 0, NULL },
 *		{ N_("Grade"), FORM_INT, 0, 3, NULL },
 *		{ N_("Organization"), FORM_CHOICE, 0, 0, NULL },
 *	};
 *	struct form_page *p = form_page_new(fields, 3, arg);
 *	form_page_set_choices(p, 2, choices, n);
 *	form_open(_("New client"), p, submit, arg);
 *
 * Nothing is written by a form: on OK (Enter on the last field, or on the
 * OK button) every field is checked — required, the type's syntax (int,
 * YYYY-MM-DD, HH:MM, a choice), then the field's validator — and only then
 * submit() runs; it does the write and returns 0 to close the form, or -1
 * with *cause (caller of xasprintf frees: the form does) to show the reason
 * and stay.  Esc cancels and writes nothing.
 *
 * Keys (tui/keys.h, scope FORM): Tab/↓ next, S-Tab/↑ previous, ←/→ change
 * a choice, Enter next field or press the button, Esc cancel.
 * Ownership: form_open() takes the page; the layer frees it.  UI thread.
 */
#ifndef PICDAY_TUI_FORM_H
#define PICDAY_TUI_FORM_H

enum form_type { FORM_TEXT, FORM_INT, FORM_DATE, FORM_TIME, FORM_CHOICE };

struct form_field {
	const char	*label;		/* N_() text */
	enum form_type	 type;
	int		 required;	/* FORM_CHOICE: id 0 not allowed */
	int		 maxlen;	/* characters; 0: 120 */
	/* Extra check of a non-empty value: 0, or -1 and *cause set
	 * (xasprintf'd). */
	int		(*validate)(const char *value, void *arg, char **cause);
};

struct form_choice {
	const char	*label;		/* copied */
	long long	 id;
};

struct form_page;

struct form_page *form_page_new(const struct form_field *, int nfields,
		    void *arg);
void		 form_page_free(struct form_page *);
/* Choices of a FORM_CHOICE field (copied); the first is selected. */
void		 form_page_set_choices(struct form_page *, int field,
		    const struct form_choice *, int n);
void		 form_set_value(struct form_page *, int field, const char *);
/* Selects the choice with that id (nothing changes when none has it). */
void		 form_set_choice(struct form_page *, int field, long long id);
/* Text of a field ("" if empty; for a choice, its label). */
const char	*form_value(struct form_page *, int field);
/* Id of the selected choice (0 if none). */
long long	 form_choice_id(struct form_page *, int field);
/* Checks every field; 0, or -1 with *cause set and the focus on the
 * field at fault. */
int		 form_page_check(struct form_page *, char **cause);

/* A line under the fields made from the values as they are now (a live
 * example of what they give): fn returns it (the page frees it), or NULL
 * for none; called at each repaint. */
void		 form_page_set_note(struct form_page *,
		    char *(*fn)(struct form_page *, void *arg));

/* A form as a modal layer. */
typedef int	(*form_submit_fn)(struct form_page *, void *arg,
		    char **cause);
void		 form_open(const char *title, struct form_page *,
		    form_submit_fn, void *arg);

/* --- the field engine, for the wizards (steps.c) --- */
#define FORM_KEY_NONE		0	/* not a form key */
#define FORM_KEY_MOVED		1	/* handled inside the page */
#define FORM_KEY_DEFAULT	2	/* Enter on the last field */
#define FORM_KEY_BUTTON		3	/* Enter on button *button */
#define FORM_KEY_CANCEL		4	/* Esc */
/* Handles a key with nbuttons after the fields in the focus order. */
int		 form_page_key(struct form_page *, int key, int nbuttons,
		    int *button);
/* Draws the fields inside the box at (y, x), w wide; returns rows used.
 * Sets the screen cursor in the focused text field. */
int		 form_page_draw(struct form_page *, int y, int x, int w);
/* Draws buttons on row y centred in [x, x + w); the focused one stands
 * out. */
void		 form_page_draw_buttons(struct form_page *, int y, int x,
		    int w, const char *const *labels, int n);
/* Rows form_page_draw() needs. */
int		 form_page_rows(struct form_page *);
/* Where the terminal cursor should be after drawing (-1: hidden). */
void		 form_page_cursor(struct form_page *);
/* Error line shown under the fields (NULL clears); the page copies it. */
void		 form_page_set_error(struct form_page *, const char *);
void		 form_page_focus(struct form_page *, int item);
/* The focused item: a field, nfields + a button, or -1 (none). */
int		 form_page_focused(struct form_page *);

#endif
