/*
 * jobs/filesha: the SHA-256 of a file, read in blocks through the
 * caller's buffer.  OpenSSL's libcrypto is loaded (dlopen, the first time)
 * for it when it can be: it uses the CPU's SHA instructions, four times
 * faster than GLib's GChecksum, which is the fallback.  Thread-safe.
 */
#ifndef PICDAY_JOBS_FILESHA_H
#define PICDAY_JOBS_FILESHA_H

#include <stddef.h>

/* 0 with out (lower-case hex) and *bytes, or -1 with errno. */
int	filesha(const char *path, unsigned char *buf, size_t bufsz,
	    char out[65], long long *bytes);

#endif
