/* core/role: roles, priorities and the teacher of a class (see role.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/role.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Lower-case ASCII letters and digits of s (others dropped) into out. */
static void
role_squeeze(const char *s, char *out, size_t size)
{
	size_t n = 0;

	for (; s != NULL && *s != '\0' && n + 1 < size; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 'A' && c <= 'Z')
			out[n++] = (char)(c - 'A' + 'a');
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			out[n++] = (char)c;
	}
	out[n] = '\0';
}

int
role_parse(const char *cell, const char **role)
{
	static const char *const students[] = { "", "student", "students",
	    "pupil", "n", "no", "false", "0", "stu", "s" };
	static const char *const teachers[] = { "teacher", "teachers",
	    "faculty", "homeroomteacher", "classroomteacher", "t", "fac",
	    "instructor", "educator" };
	static const char *const staff[] = { "staff", "admin", "administrator",
	    "administration", "principal", "employee", "y", "yes", "true", "1",
	    "x", "office", "support", "supportstaff", "nonteaching" };
	char k[64];
	size_t i;

	role_squeeze(cell, k, sizeof k);
	for (i = 0; i < sizeof students / sizeof students[0]; i++)
		if (strcmp(k, students[i]) == 0) {
			*role = NULL;
			return 0;
		}
	for (i = 0; i < sizeof teachers / sizeof teachers[0]; i++)
		if (strcmp(k, teachers[i]) == 0) {
			*role = ROLE_TEACHER;
			return 0;
		}
	for (i = 0; i < sizeof staff / sizeof staff[0]; i++)
		if (strcmp(k, staff[i]) == 0) {
			*role = ROLE_STAFF;
			return 0;
		}
	return -1;
}

int
role_priority_parse(const char *cell, char *buf, const char **out)
{
	const char *p = cell;
	long v = 0;

	*out = NULL;
	if (cell == NULL || *cell == '\0')
		return 0;
	for (; *p != '\0'; p++) {
		if (*p < '0' || *p > '9' || v > 999)
			return -1;
		v = v * 10 + (*p - '0');
	}
	if (v < 1 || v > 999)
		return -1;
	snprintf(buf, 8, "%ld", v);
	*out = buf;
	return 0;
}

int
role_cells(const char **role, const char **prio, char *buf, char **why)
{
	const char *r, *p;

	if (*role != NULL) {
		if (role_parse(*role, &r) != 0) {
			*why = xasprintf(_("role '%s' is none of student, "
			    "teacher, staff"), *role);
			return -1;
		}
		*role = r != NULL ? r : "";
	}
	if (*prio != NULL) {
		if (role_priority_parse(*prio, buf, &p) != 0) {
			*why = xasprintf(_("priority '%s' is not a number from "
			    "1 to 999"), *prio);
			return -1;
		}
		*prio = p != NULL ? p : "";
	}
	return 0;
}

char *
role_row_key(const char *org, const char *sid, const char *last,
    const char *first)
{
	char *key, *p;

	key = *sid != '\0' ? xasprintf("%s\037%s", org, sid) :
	    xasprintf("%s\037\036%s\037%s", org, last, first);
	for (p = key; *p != '\037'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return key;
}

char *
role_row_again(const char *sid, const char *last, const char *first,
    long line)
{
	if (*sid != '\0')
		return xasprintf(_("student ID %s appears again on line %ld; "
		    "the later row wins"), sid, line);
	/* L10N: a teacher or staff member without an ID, by name */
	return xasprintf(_("%s %s appears again on line %ld; the later row "
	    "wins"), first, last, line);
}

/* key without a courtesy title in front ("Mrs. Park" -> "Park"). */
static const char *
role_strip_courtesy(const char *key)
{
	static const char *const t[] = { "mr", "mrs", "ms", "miss", "mx",
	    "dr", "sr", "sra", "mme", "mlle", "m", "herr", "frau", "prof" };
	size_t i, n;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		n = strlen(t[i]);
		if (strncasecmp(key, t[i], n) != 0)
			continue;
		if (key[n] == '.')
			n++;
		if (key[n] != ' ')
			continue;
		while (key[n] == ' ')
			n++;
		return key + n;
	}
	return key;
}

int
role_leads(const char *last, const char *first, const char *teacher,
    const char *homeroom, const char *key, const char *room)
{
	const char *k;
	char *a;
	int m;

	if (key != NULL && *key != '\0') {
		if (teacher != NULL && strcmp(teacher, key) == 0)
			return 1;
		k = role_strip_courtesy(key);
		if (last != NULL && *last != '\0' && strcasecmp(k, last) == 0)
			return 1;
		if (last != NULL && *last != '\0' && first != NULL &&
		    *first != '\0') {
			a = xasprintf("%s %s", first, last);
			m = strcasecmp(k, a) == 0;
			free(a);
			a = xasprintf("%s, %s", last, first);
			m = m || strcasecmp(k, a) == 0;
			free(a);
			if (m)
				return 1;
		}
	}
	return homeroom != NULL && *homeroom != '\0' && room != NULL &&
	    strcmp(homeroom, room) == 0;
}
