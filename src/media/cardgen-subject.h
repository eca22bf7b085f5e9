/*
 * cardgen-subject: one student of the simulated camera card, as cardgen.c
 * is given it and cardgen-draw.c prints it on the QR sheet.  A header of
 * its own so that the drawing half never includes the card's (no include
 * circle).  The strings belong to the caller.
 */
#ifndef PICDAY_MEDIA_CARDGEN_SUBJECT_H
#define PICDAY_MEDIA_CARDGEN_SUBJECT_H

struct cardgen_subject {
	long long	 number;	/* session number: the QR's text */
	const char	*first_name;	/* printed on the sheet; NULL: "" */
	const char	*last_name;
	const char	*student_id;
	const char	*grade;
	const char	*teacher;
	const char	*organization;
	int		 absent;	/* nonzero: no frames at all */
};

#endif
