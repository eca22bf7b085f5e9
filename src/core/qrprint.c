/* core/qrprint: a session row becomes a card on the QR sheet. */
#include "config.h"

#include <string.h>

#include "core/qrprint.h"
#include "media/qrsheet.h"
#include "store/session.h"

int
qrprint_row(const struct session_row *r, void *arg)
{
	struct qrprint *x = arg;
	struct qrcard c;

	memset(&c, 0, sizeof c);
	c.number = r->number;
	c.first_name = r->first_name;
	c.last_name = r->last_name;
	c.student_id = r->student_id;
	c.grade = r->grade;
	c.teacher = r->teacher;
	c.organization = r->organization;
	c.starts_at = r->starts_at;
	if (qrsheet_add(x->q, &c, &x->cause) != 0)
		return 1;
	x->cards++;
	if (x->row != NULL && x->row(x->cards, x->arg) != 0) {
		x->stopped = 1;
		return 1;
	}
	return 0;
}
