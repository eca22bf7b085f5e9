/* core/pspa: INDEX.TXT, README.TXT and COPYRIGHT.TXT (see pspa.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/pspa.h"
#include "core/role.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static const char *const pspa_fields[] = {
	"Volume Name", "Image Folder", "Image File Name", "Grade",
	"Last Name", "First Name", "Home Room", "Period", "Teacher Name",
	"Track", "Department", "Title", "Image Size"
};
#define PSPA_NFIELDS (sizeof pspa_fields / sizeof pspa_fields[0])

const char *
pspa_size_label(int width, int height)
{
	if (width == 640 && height == 800)
		return "LARGE";
	if (width == 320 && height == 400)
		return "SMALL";
	return NULL;
}

/* One field: TAB, CR and LF become spaces. */
static void
pspa_field(struct strbuf *b, const char *v, int last)
{
	for (; v != NULL && *v != '\0'; v++)
		strbuf_addc(b, *v == '\t' || *v == '\r' || *v == '\n' ? ' ' :
		    *v);
	strbuf_adds(b, last ? "\r\n" : "\t");
}

/* The first student of the class teacher t leads, or NULL. */
static const struct pose *
pspa_class_of(const struct pose_list *l, const struct pose *t)
{
	size_t i;

	if (t->role == NULL || strcmp(t->role, ROLE_TEACHER) != 0)
		return NULL;
	for (i = 0; i < l->n; i++)
		if (l->v[i].role == NULL && role_leads(t->last_name,
		    t->first_name, t->teacher, t->homeroom, l->v[i].teacher,
		    l->v[i].homeroom))
			return &l->v[i];
	return NULL;
}

/* A teacher's or staff member's row: Grade its own, else its class's,
 * else "Faculty"; Home Room likewise; Teacher Name the name its class
 * goes by; Title its title, else "Teacher" or "Staff". */
static void
pspa_staff_row(struct strbuf *b, const struct pose_list *l,
    const struct pose *p, const char *volume, const char *size_label)
{
	const struct pose *k = pspa_class_of(l, p);
	char *file = xasprintf("%s.jpg", p->file);

	pspa_field(b, volume, 0);
	pspa_field(b, PSPA_FOLDER, 0);
	pspa_field(b, file, 0);
	pspa_field(b, *p->grade != '\0' ? p->grade : k != NULL &&
	    *k->grade != '\0' ? k->grade : PSPA_FACULTY, 0);
	pspa_field(b, p->last_name, 0);
	pspa_field(b, p->first_name, 0);
	pspa_field(b, *p->homeroom != '\0' ? p->homeroom : k != NULL ?
	    k->homeroom : "", 0);
	pspa_field(b, "", 0);			/* Period */
	pspa_field(b, k != NULL ? k->teacher : p->teacher, 0);
	pspa_field(b, "", 0);			/* Track */
	pspa_field(b, "", 0);			/* Department */
	pspa_field(b, *p->title != '\0' ? p->title :
	    strcmp(p->role, ROLE_TEACHER) == 0 ? "Teacher" : "Staff", 0);
	pspa_field(b, size_label, 1);
	free(file);
}

char *
pspa_index(const struct pose_list *l, const unsigned char *ok,
    const char *volume, const char *size_label)
{
	struct strbuf b = STRBUF_INIT;
	const struct pose **staff;
	size_t i, ns = 0;

	for (i = 0; i < PSPA_NFIELDS; i++)
		pspa_field(&b, pspa_fields[i], i + 1 == PSPA_NFIELDS);
	staff = xcalloc(l->n + 1, sizeof *staff);
	for (i = 0; i < l->n; i++) {
		const struct pose *p = &l->v[i];
		char *file;

		if (p->image_id == 0 || !ok[i])
			continue;
		if (p->role != NULL) {
			staff[ns++] = p;
			continue;
		}
		file = xasprintf("%s.jpg", p->file);
		pspa_field(&b, volume, 0);
		pspa_field(&b, PSPA_FOLDER, 0);
		pspa_field(&b, file, 0);
		pspa_field(&b, p->grade, 0);
		pspa_field(&b, p->last_name, 0);
		pspa_field(&b, p->first_name, 0);
		pspa_field(&b, p->homeroom, 0);
		pspa_field(&b, "", 0);			/* Period */
		pspa_field(&b, p->teacher, 0);
		pspa_field(&b, "", 0);			/* Track */
		pspa_field(&b, "", 0);			/* Department */
		pspa_field(&b, "", 0);			/* Title: students */
		pspa_field(&b, size_label, 1);
		free(file);
	}
	/* Then the teachers and staff, by priority. */
	qsort(staff, ns, sizeof *staff, pose_staff_cmp);
	for (i = 0; i < ns; i++)
		pspa_staff_row(&b, l, staff[i], volume, size_label);
	free(staff);
	return strbuf_take(&b);
}

char *
pspa_readme(const char *volume, const char *org, const char *studio,
    size_t nimages, int width, int height)
{
	struct strbuf b = STRBUF_INIT;

	strbuf_addf(&b, "PSPA yearbook volume %s\r\n\r\n", volume);
	strbuf_addf(&b, "School: %s\r\n", org);
	if (studio != NULL && *studio != '\0')
		strbuf_addf(&b, "Photographer: %s\r\n", studio);
	strbuf_addf(&b, "Images: %zu, JPEG %dx%d RGB, in folder %s\r\n",
	    nimages, width, height, PSPA_FOLDER);
	strbuf_adds(&b, "Index: INDEX.TXT, tab-delimited, one header row, "
	    "UTF-8\r\n");
	return strbuf_take(&b);
}

char *
pspa_copyright(const char *studio, const char *copyright)
{
	if (copyright != NULL && *copyright != '\0')
		return xasprintf("%s\r\n", copyright);
	if (studio != NULL && *studio != '\0')
		return xasprintf("The images of this volume are copyright "
		    "%s. They are licensed to the school for its yearbook "
		    "only.\r\n", studio);
	return xstrdup("The images of this volume are copyright of the "
	    "photographer. They are licensed to the school for its yearbook "
	    "only.\r\n");
}
