/*
 * core/cardscan: the JPEG frames on a camera card or in a folder.
 *
 * cardscan_walk() walks dir recursively (nested DCIM folders, several
 * bodies' folders) and lists the .jpg/.jpeg files (any case) by their path
 * relative to dir, sorted bytewise.  Dot-files and dot-folders (.DS_Store,
 * ._IMG_0001.JPG, .Trashes) are junk and skipped; symbolic links are never
 * followed, so the walk cannot leave the card.  Folders are opened
 * read-only; nothing is written.
 *
 * Threads: reentrant.  Errors: -1 with *cause (caller frees) when dir
 * itself cannot be opened; an unreadable subfolder is reported through
 * *cause on success too (NULL when all went well) and skipped.
 */
#ifndef PICDAY_CORE_CARDSCAN_H
#define PICDAY_CORE_CARDSCAN_H

#include <stddef.h>

struct cardscan {
	char	**rel;		/* relative paths, sorted */
	size_t	  n;
};

int	cardscan_walk(const char *dir, struct cardscan *, char **cause);
void	cardscan_free(struct cardscan *);
/* Is name (a file name, no folder) a frame the walk would take? */
int	cardscan_is_frame(const char *name);

#endif
