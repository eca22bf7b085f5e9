/*
 * core/groupcap: the hot folder of Group Capture (issue 4, item 7).
 *
 * groupcap_watch() watches one folder with inotify and reports each frame
 * (a name cardscan_is_frame() takes: .jpg/.jpeg, no dot-files) that a
 * tethering program finished writing into it (IN_CLOSE_WRITE) or moved
 * into it whole (IN_MOVED_TO).  A file still being written is not reported
 * before it is closed, and a frame is reported once per close, so a
 * program that writes a file in several opens is reported several times:
 * the import skips the same bytes twice (store/image, one sha per
 * session).  Files present before the watch started are not reported.
 *
 * Threads: the watcher runs its own thread, which blocks every signal and
 * calls fn there, one name at a time, in the order of the events; fn must
 * not touch the screen.  groupcap_stop() wakes the thread, joins it and
 * frees; after it returns fn is never called again.
 * Errors: groupcap_watch() returns NULL with *cause (caller frees) when the
 * folder cannot be watched.
 */
#ifndef PICDAY_CORE_GROUPCAP_H
#define PICDAY_CORE_GROUPCAP_H

struct groupcap;

/* name is the file name inside the folder (no path). */
typedef void	(*groupcap_fn)(void *arg, const char *name);

struct groupcap	*groupcap_watch(const char *dir, groupcap_fn fn, void *arg,
		    char **cause);
void		 groupcap_stop(struct groupcap *);
const char	*groupcap_dir(struct groupcap *);

#endif
