/*
 * tui/form: the field engine (a page of fields with their values, focus,
 * editing and checks) and the form layer built on it (form.h).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tui/form.h"
#include "tui/tui.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define FORM_LABEL_W	16

struct form_value {
	struct strbuf		 text;
	struct form_choice	*choices;
	int			 nchoices, choice;
};

struct form_page {
	const struct form_field	*fields;
	int			 nfields;
	struct form_value	*v;
	void			*arg;
	int			 focus;		/* fields, then buttons */
	int			 nbuttons;
	char			*error;
	int			 cur_y, cur_x;	/* text cursor, -1 none */
	char			*(*note)(struct form_page *, void *);
};

struct form_page *
form_page_new(const struct form_field *fields, int nfields, void *arg)
{
	struct form_page *p = xcalloc(1, sizeof *p);

	p->fields = fields;
	p->nfields = nfields;
	p->v = xcalloc(nfields, sizeof *p->v);
	p->arg = arg;
	p->cur_y = -1;
	return p;
}

static void
form_drop_choices(struct form_value *v)
{
	int i;

	for (i = 0; i < v->nchoices; i++)
		free((char *)v->choices[i].label);
	free(v->choices);
	v->choices = NULL;
	v->nchoices = v->choice = 0;
}

void
form_page_free(struct form_page *p)
{
	int i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nfields; i++) {
		strbuf_free(&p->v[i].text);
		form_drop_choices(&p->v[i]);
	}
	free(p->v);
	free(p->error);
	free(p);
}

void
form_page_set_choices(struct form_page *p, int f, const struct form_choice *c,
    int n)
{
	struct form_value *v = &p->v[f];
	int i;

	form_drop_choices(v);
	v->choices = xcalloc(n > 0 ? n : 1, sizeof *v->choices);
	for (i = 0; i < n; i++) {
		v->choices[i].label = xstrdup(c[i].label);
		v->choices[i].id = c[i].id;
	}
	v->nchoices = n;
}

void
form_set_value(struct form_page *p, int f, const char *s)
{
	strbuf_reset(&p->v[f].text);
	strbuf_adds(&p->v[f].text, s);
}

void
form_set_choice(struct form_page *p, int f, long long id)
{
	struct form_value *v = &p->v[f];
	int i;

	for (i = 0; i < v->nchoices; i++)
		if (v->choices[i].id == id)
			v->choice = i;
}

const char *
form_value(struct form_page *p, int f)
{
	struct form_value *v = &p->v[f];

	if (p->fields[f].type == FORM_CHOICE)
		return v->nchoices > 0 ? v->choices[v->choice].label : "";
	return strbuf_str(&v->text);
}

long long
form_choice_id(struct form_page *p, int f)
{
	struct form_value *v = &p->v[f];

	return v->nchoices > 0 ? v->choices[v->choice].id : 0;
}

void
form_page_set_error(struct form_page *p, const char *e)
{
	free(p->error);
	p->error = e != NULL ? xstrdup(e) : NULL;
	tui_dirty(TUI_DIRTY_LAYERS);
}

void
form_page_set_note(struct form_page *p,
    char *(*fn)(struct form_page *, void *))
{
	p->note = fn;
}

void
form_page_focus(struct form_page *p, int item)
{
	p->focus = item;
}

int
form_page_focused(struct form_page *p)
{
	return p->focus;
}

/* ---- checks ---- */

static int
form_is_int(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

static int
form_is_date(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int y, m, d, n = 0;

	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3
	    || n != 10)
		return 0;
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 0;
	return 1;
}

static int
form_is_time(const char *s)
{
	int h, m, n = 0;

	if (strlen(s) != 5 || sscanf(s, "%2d:%2d%n", &h, &m, &n) != 2 || n != 5)
		return 0;
	return h >= 0 && h <= 23 && m >= 0 && m <= 59;
}

int
form_page_check(struct form_page *p, char **cause)
{
	const struct form_field *f;
	const char *v, *what;
	int i;

	for (i = 0; i < p->nfields; i++) {
		f = &p->fields[i];
		v = form_value(p, i);
		what = NULL;
		if (f->type == FORM_CHOICE) {
			if (f->required && form_choice_id(p, i) == 0)
				what = _("choose one");
		} else if (*v == '\0') {
			if (f->required)
				what = _("required");
		} else if (f->type == FORM_INT && !form_is_int(v))
			what = _("a whole number, please");
		else if (f->type == FORM_DATE && !form_is_date(v))
			what = _("a date as YYYY-MM-DD, please");
		else if (f->type == FORM_TIME && !form_is_time(v))
			what = _("a time as HH:MM, please");
		if (what == NULL && *v != '\0' && f->validate != NULL &&
		    f->validate(v, p->arg, cause) != 0) {
			char *c = *cause;

			*cause = xasprintf("%s: %s", _(f->label), c);
			free(c);
			p->focus = i;
			return -1;
		}
		if (what != NULL) {
			*cause = xasprintf("%s: %s", _(f->label), what);
			p->focus = i;
			return -1;
		}
	}
	return 0;
}

/* ---- keys ---- */

static void
form_type_char(struct form_page *p, int c)
{
	const struct form_field *f = &p->fields[p->focus];
	struct form_value *v = &p->v[p->focus];
	int max = f->maxlen > 0 ? f->maxlen : 120;
	char mb[8];
	mbstate_t ps;
	size_t r;

	if (utf8_width(strbuf_str(&v->text)) >= max)
		return;
	memset(&ps, 0, sizeof ps);
	r = wcrtomb(mb, (wchar_t)c, &ps);
	if (r != (size_t)-1)
		strbuf_add(&v->text, mb, r);
}

int
form_page_key(struct form_page *p, int key, int nbuttons, int *button)
{
	int nitems = p->nfields + nbuttons, c;
	struct form_value *v;

	p->nbuttons = nbuttons;
	tui_dirty(TUI_DIRTY_LAYERS);
	switch (keys_action(key, SCOPE_FORM)) {
	case ACT_FIELD_NEXT:
		p->focus = (p->focus + 1) % nitems;
		return FORM_KEY_MOVED;
	case ACT_FIELD_PREV:
		p->focus = (p->focus + nitems - 1) % nitems;
		return FORM_KEY_MOVED;
	case ACT_CANCEL:
		return FORM_KEY_CANCEL;
	case ACT_ACCEPT:
		if (p->focus >= p->nfields) {
			*button = p->focus - p->nfields;
			return FORM_KEY_BUTTON;
		}
		if (p->focus == p->nfields - 1)
			return FORM_KEY_DEFAULT;
		p->focus++;
		return FORM_KEY_MOVED;
	case ACT_CHOICE_NEXT:
	case ACT_CHOICE_PREV:
		if (p->focus >= p->nfields) {
			/* Between buttons, arrows move too. */
			p->focus += keys_action(key, SCOPE_FORM) ==
			    ACT_CHOICE_NEXT ? 1 : -1;
			if (p->focus >= nitems)
				p->focus = p->nfields;
			if (p->focus < p->nfields)
				p->focus = nitems - 1;
			return FORM_KEY_MOVED;
		}
		v = &p->v[p->focus];
		if (p->fields[p->focus].type != FORM_CHOICE || v->nchoices == 0)
			return FORM_KEY_MOVED;
		v->choice = (v->choice + (keys_action(key, SCOPE_FORM) ==
		    ACT_CHOICE_NEXT ? 1 : v->nchoices - 1)) % v->nchoices;
		return FORM_KEY_MOVED;
	default:
		break;
	}
	if (p->focus >= p->nfields)
		return FORM_KEY_NONE;
	v = &p->v[p->focus];
	if (p->fields[p->focus].type == FORM_CHOICE) {
		/* A letter jumps to the next choice starting with it. */
		int i, n = v->nchoices;

		c = tui_key_char(key);
		for (i = 1; c > 0 && c < 128 && i <= n; i++) {
			const char *l = v->choices[(v->choice + i) % n].label;

			if (tolower((unsigned char)*l) == tolower(c)) {
				v->choice = (v->choice + i) % n;
				return FORM_KEY_MOVED;
			}
		}
		return FORM_KEY_NONE;
	}
	if (key == KEY_BACKSPACE || key == 127 || key == '\b') {
		size_t n = utf8_last_len(strbuf_str(&v->text), v->text.len);

		v->text.len -= n;
		if (v->text.s != NULL)
			v->text.s[v->text.len] = '\0';
		return FORM_KEY_MOVED;
	}
	if (key == TUI_CTRL('U')) {
		strbuf_reset(&v->text);
		return FORM_KEY_MOVED;
	}
	if ((c = tui_key_char(key)) >= 0) {
		form_type_char(p, c);
		return FORM_KEY_MOVED;
	}
	return FORM_KEY_NONE;
}

/* ---- drawing ---- */

int
form_page_rows(struct form_page *p)
{
	return p->nfields + 2 + (p->note != NULL);
}

int
form_page_draw(struct form_page *p, int y, int x, int w)
{
	const struct form_field *f;
	struct form_value *v;
	char label[128], *shown;
	int i, fw = w - FORM_LABEL_W - 2, tw, focus;

	p->cur_y = -1;
	for (i = 0; i < p->nfields; i++) {
		f = &p->fields[i];
		v = &p->v[i];
		focus = i == p->focus;
		snprintf(label, sizeof label, "%s%s", _(f->label),
		    f->required ? " *" : "");
		tw = utf8_width(label);
		tui_put(y + i, x + (tw < FORM_LABEL_W ? FORM_LABEL_W - tw : 0),
		    FORM_LABEL_W, ROLE_LABEL, label);
		tui_fill(y + i, x + FORM_LABEL_W + 1, fw, focus ?
		    ROLE_FIELD_FOCUS : ROLE_FIELD);
		if (f->type == FORM_CHOICE) {
			shown = xasprintf("< %s >", form_value(p, i));
			tui_put(y + i, x + FORM_LABEL_W + 1, fw, focus ?
			    ROLE_FIELD_FOCUS : ROLE_FIELD, shown);
			free(shown);
			continue;
		}
		/* Show the end of a long value: it is where one types. */
		shown = (char *)strbuf_str(&v->text);
		while (utf8_width(shown) > fw - 1 && *shown != '\0') {
			shown++;
			while (((unsigned char)*shown & 0xc0) == 0x80)
				shown++;
		}
		tui_put(y + i, x + FORM_LABEL_W + 1, fw, focus ?
		    ROLE_FIELD_FOCUS : ROLE_FIELD, shown);
		if (focus) {
			p->cur_y = y + i;
			p->cur_x = x + FORM_LABEL_W + 1 + utf8_width(shown);
		}
	}
	if (p->note != NULL && (shown = p->note(p, p->arg)) != NULL) {
		tui_put(y + p->nfields + 1, x, w, ROLE_LABEL, shown);
		free(shown);
	}
	if (p->error != NULL)
		tui_put(y + p->nfields + 1 + (p->note != NULL), x, w,
		    ROLE_ERROR, p->error);
	return form_page_rows(p);
}

void
form_page_draw_buttons(struct form_page *p, int y, int x, int w,
    const char *const *labels, int n)
{
	char buf[64];
	int i, total = 0, bx;

	p->nbuttons = n;
	for (i = 0; i < n; i++)
		total += utf8_width(labels[i]) + 4 + (i > 0 ? 2 : 0);
	bx = x + (w - total) / 2;
	for (i = 0; i < n; i++) {
		snprintf(buf, sizeof buf, "[ %s ]", labels[i]);
		tui_put(y, bx, utf8_width(buf), p->focus == p->nfields + i ?
		    ROLE_FIELD_FOCUS : ROLE_NORMAL, buf);
		bx += utf8_width(buf) + 2;
	}
}

void
form_page_cursor(struct form_page *p)
{
	if (p->cur_y >= 0) {
		move(p->cur_y, p->cur_x);
		curs_set(1);
	} else
		curs_set(0);
}

/* ---- the form layer ---- */

struct form_layer {
	struct tui_layer	 layer;
	char			*title;
	struct form_page	*page;
	form_submit_fn		 submit;
	void			*arg;
};

static void
form_layer_draw(struct tui_layer *tl)
{
	struct form_layer *fl = (struct form_layer *)tl;
	static const char *buttons[2];
	int w = COLS - 8 < 70 ? COLS - 8 : 70;
	int h = form_page_rows(fl->page) + 4;
	int y = (LINES - h) / 2, x = (COLS - w) / 2;

	buttons[0] = _("OK");
	buttons[1] = _("Cancel");
	tui_box(y, x, h, w, fl->title);
	form_page_draw(fl->page, y + 1, x + 2, w - 4);
	form_page_draw_buttons(fl->page, y + h - 2, x, w, buttons, 2);
	form_page_cursor(fl->page);
}

static void
form_layer_free(struct tui_layer *tl)
{
	struct form_layer *fl = (struct form_layer *)tl;

	form_page_free(fl->page);
	free(fl->title);
	free(fl);
}

static void
form_layer_ok(struct form_layer *fl)
{
	char *cause = NULL;

	if (form_page_check(fl->page, &cause) != 0 ||
	    fl->submit(fl->page, fl->arg, &cause) != 0) {
		form_page_set_error(fl->page, cause != NULL ? cause :
		    _("cannot save"));
		free(cause);
		return;
	}
	tui_pop();
}

static int
form_layer_key(struct tui_layer *tl, int key)
{
	struct form_layer *fl = (struct form_layer *)tl;
	int button = 0;

	switch (form_page_key(fl->page, key, 2, &button)) {
	case FORM_KEY_DEFAULT:
		form_layer_ok(fl);
		break;
	case FORM_KEY_BUTTON:
		if (button == 0)
			form_layer_ok(fl);
		else
			tui_pop();
		break;
	case FORM_KEY_CANCEL:
		tui_pop();
		break;
	default:
		break;
	}
	return TUI_HANDLED;
}

void
form_open(const char *title, struct form_page *page, form_submit_fn submit,
    void *arg)
{
	struct form_layer *fl = xcalloc(1, sizeof *fl);

	fl->layer.draw = form_layer_draw;
	fl->layer.key = form_layer_key;
	fl->layer.free = form_layer_free;
	fl->title = xstrdup(title);
	fl->page = page;
	fl->submit = submit;
	fl->arg = arg;
	tui_push(&fl->layer);
}
