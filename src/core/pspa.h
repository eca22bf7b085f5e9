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

/* INDEX.TXT for the students with a pose whose ok[i] is set (caller
 * frees). */
char	*pspa_index(const struct pose_list *, const unsigned char *ok,
	    const char *volume, const char *size_label);
/* README.TXT and COPYRIGHT.TXT, CRLF (caller frees).  studio and
 * copyright are the setup keys studio.name and studio.copyright (NULL or
 * "" when unset). */
char	*pspa_readme(const char *volume, const char *org, const char *studio,
	    size_t nimages, int width, int height);
char	*pspa_copyright(const char *studio, const char *copyright);

#endif
