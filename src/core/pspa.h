/*
 * core/pspa: the text files of a PSPA yearbook volume (issue 12).
 *
 * A volume is a folder: INDEX.TXT (TAB-delimited, a header row, CRLF, the
 * 13 PSPA fields), README.TXT and COPYRIGHT.TXT, and the images in
 * PSPA_FOLDER/.  Volume Name is the folder's own name.  Fields never hold
 * TAB, CR or LF (each becomes a space).  Pure: no I/O.
 */
#ifndef PICDAY_CORE_PSPA_H
#define PICDAY_CORE_PSPA_H

#include "core/pose.h"

#define PSPA_FOLDER	"IMAGES"

/* "LARGE" for 640x800, "SMALL" for 320x400; NULL for another size. */
const char	*pspa_size_label(int width, int height);

/* The Grade of a teacher or staff member who has none and leads no
 * class (a Staff/Faculty grade, as the PSPA guidelines allow). */
#define PSPA_FACULTY	"Faculty"

/* INDEX.TXT for the students with a pose whose ok[i] is set (caller
 * frees).  The students come first, as listed; then the teachers and
 * staff, by priority (1 first, none last) then name.  A teacher's or staff
 * member's row has its Title (else "Teacher" or "Staff": students' Title
 * stays empty); its Grade and Home Room are its own, else those of the
 * class it leads (core/role.h: role_leads), else Grade PSPA_FACULTY; its
 * Teacher Name is the name its class's students give (so that yearbook
 * software flows the teacher with the class), else its own teacher
 * field.  The index has the 13 PSPA fields only: the priority is the
 * order of the rows. */
char	*pspa_index(const struct pose_list *, const unsigned char *ok,
	    const char *volume, const char *size_label);
/* README.TXT and COPYRIGHT.TXT, CRLF (caller frees).  studio and
 * copyright are the setup keys studio.name and studio.copyright (NULL or
 * "" when unset). */
char	*pspa_readme(const char *volume, const char *org, const char *studio,
	    size_t nimages, int width, int height);
char	*pspa_copyright(const char *studio, const char *copyright);

#endif
