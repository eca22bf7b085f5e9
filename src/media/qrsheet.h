/*
 * media/qrsheet: printable QR sheets (DESIGN §1.3) as a PDF, with cairo and
 * libqrencode.
 *
 * Cards are added one at a time (the caller streams sessions from the
 * store), laid out 1, 2, 4, 6 or 8 to a US Letter page, each with a QR code
 * holding the session number's digits only, and in text the session number,
 * name, student ID, grade, teacher and organization (so that a person can
 * still identify the student when a code fails).  The code keeps a quiet
 * zone of four modules.  Symbol size (quiet zone excluded): 11.5 cm at 1 per
 * page, 9.4 cm at 2, 5.8 cm at 4, 5.1 cm at 6 and 4.6 cm at 8 per page (the
 * height of a Letter page shared by four rows allows no more).
 *
 * The PDF is written to a temporary file in the same folder, synced and
 * renamed at qrsheet_close(), so a failure or a kill never leaves a half
 * sheet under the final name.  Text uses cairo's toy font API with
 * "DejaVu Sans" (accents and most Latin, Greek and Cyrillic names).
 *
 * Threads: one sheet per thread.  Errors: -1 with *cause (caller frees).
 */
#ifndef PICDAY_MEDIA_QRSHEET_H
#define PICDAY_MEDIA_QRSHEET_H

struct qrsheet;

struct qrcard {
	long long	 number;
	const char	*first_name, *last_name;
	const char	*student_id, *grade, *teacher, *organization;
	const char	*starts_at;		/* may be NULL */
};

/* 1 when n is a supported cards-per-page count. */
int	qrsheet_per_page_ok(int n);
/* tmp: the temporary file, in path's folder (a job names it after itself,
 * so a rerun after a kill overwrites it); NULL: "PATH.tmpPID". */
int	qrsheet_open(const char *path, const char *tmp, int per_page,
	    struct qrsheet **, char **cause);
int	qrsheet_add(struct qrsheet *, const struct qrcard *, char **cause);
/* Finishes the PDF and frees the sheet; with abandon set, removes it.
 * *pages (if not NULL) gets the number of pages written. */
int	qrsheet_close(struct qrsheet *, int abandon, int *pages,
	    char **cause);

#endif
