/*
 * path: file names made safe, joined and created.
 *
 * Names that come from rosters or other outside input pass through
 * path_safe_component() before they touch the file system: the result has no
 * '/', no '..' component, no control characters and no leading dot.  Every
 * function returning char * returns a new string the caller frees.
 */
#ifndef PICDAY_UTIL_PATH_H
#define PICDAY_UTIL_PATH_H

/* A safe single path component made from name; "_" when nothing is left. */
char	*path_safe_component(const char *name);
char	*path_join(const char *dir, const char *name);
/* mkdir -p with mode 0755 (parents too); 0 or -1 with errno set. */
int	 path_mkdirs(const char *dir);
/* The studio folder: opt, else $PICDAY_STUDIO, else $XDG_DATA_HOME/picday,
 * else ~/.local/share/picday. */
char	*path_studio_dir(const char *opt);
/* Writes data to path atomically (temporary file, fsync, rename). */
int	 path_write_atomic(const char *path, const void *data, unsigned long len,
	    int mode);
/* A finished temporary file takes its final name: fsync, then rename (in
 * the same folder), so the final name never shows a half-written file.
 * 0, or -1 with errno set. */
int	 path_commit(const char *tmp, const char *path);

#endif
