/*
 * core/role: teachers and staff among the clients (issue 12).
 *
 * A client's role is NULL (a student), "teacher" or "staff"; teachers and
 * staff carry a title ("Principal", "Grade 3 Teacher") and a priority (1
 * first, up to 999) that orders them on the yearbook volume and the
 * composites.  Rosters say it in many ways: role_parse() reads a Role,
 * Type or Staff column ("Teacher", "Faculty", "Admin", "Y", "Student",
 * "N", ...).  role_leads() says whether a teacher leads a class, the link
 * between a teacher and the students whose teacher (or homeroom) names
 * them.  Pure: no I/O.
 */
#ifndef PICDAY_CORE_ROLE_H
#define PICDAY_CORE_ROLE_H

#define ROLE_TEACHER	"teacher"
#define ROLE_STAFF	"staff"

/* The role a cell names: 0 and *role set to NULL (student), ROLE_TEACHER
 * or ROLE_STAFF (static strings); -1 when it is none of them.  An empty
 * cell is a student. */
int	role_parse(const char *cell, const char **role);
/* A priority cell: 0 with *out the canonical text ("7"; NULL when empty),
 * -1 unless it is a whole number 1..999.  out points into buf (>= 8
 * bytes). */
int	role_priority_parse(const char *cell, char *buf, const char **out);

/* A roster row's role and priority cells made canonical: *role (NULL:
 * no such column) becomes ROLE_TEACHER, ROLE_STAFF or "" (a student),
 * *prio the number (in buf, >= 8 bytes) or "".  0, or -1 with *why
 * (caller frees). */
int	role_cells(const char **role, const char **prio, char *buf,
	    char **why);
/* A roster row's key: organization + student ID, or for teachers and
 * staff without an ID organization + last and first name (caller
 * frees).  The first ASCII-case-folded: organizations compare so. */
char	*role_row_key(const char *org, const char *sid, const char *last,
	    const char *first);
/* The warning for a row whose key comes again on line `line` (caller
 * frees). */
char	*role_row_again(const char *sid, const char *last, const char *first,
	    long line);

/* Whether the teacher (last, first, its own teacher and homeroom fields)
 * leads the class whose students' teacher field is `key` and homeroom
 * `room` (either may be "" or NULL).  It does when its own teacher field
 * is the key, or the key names it ("Ms Park", "Mrs. Park", "Park",
 * "Anna Park", "Park, Anna", without regard to case), or its homeroom is
 * the students' homeroom. */
int	role_leads(const char *last, const char *first, const char *teacher,
	    const char *homeroom, const char *key, const char *room);

#endif
