/*
 * core/importfix: the operator's fixes to a sorted card before it is
 * imported (issue 4, item 4) — the Bulk Image Import wizard's preview.
 * They change a struct imgsort_result in place, so that imgscan_items()
 * then imports what the operator settled.
 *
 * Pure: no files, no database.  Lists stay in capture order (time, then
 * path) and the sessions sorted by number; a list left empty goes.
 * Threads: reentrant.  Memory: as imgsort (the result owns its lists).
 */
#ifndef PICDAY_CORE_IMPORTFIX_H
#define PICDAY_CORE_IMPORTFIX_H

#include <stddef.h>

#include "core/imgsort.h"

/* Moves frame (an index into fr) from wherever it is — a session, an
 * unknown code, the unassigned, the "unreadable code?", the markers —
 * into session code.
 * Unreadable frames stay where they are: returns -1 for them, else 0. */
int	importfix_move(struct imgsort_result *, const struct imgsort_frame *fr,
	    size_t frame, const char *code);
/* An unknown code became a session: its frames go to that session (its
 * markers stay markers, which imgscan_items() now keeps).  Returns how
 * many frames moved. */
size_t	importfix_adopt(struct imgsort_result *,
	    const struct imgsort_frame *fr, const char *code);

#endif
