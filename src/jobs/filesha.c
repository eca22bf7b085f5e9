/* jobs/filesha: SHA-256 of a file.  See filesha.h. */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "jobs/filesha.h"

#define CRYPTO_SONAME	"libcrypto.so.3"

/* The few libcrypto functions used, as their prototypes (no header
 * needed: libssl-dev is not a build dependency). */
static void	*(*ssl_ctx_new)(void);
static void	 (*ssl_ctx_free)(void *);
static const void *(*ssl_sha256)(void);
static int	 (*ssl_init)(void *, const void *, void *);
static int	 (*ssl_update)(void *, const void *, size_t);
static int	 (*ssl_final)(void *, unsigned char *, unsigned int *);
static int	 ssl_ok;
static pthread_once_t ssl_once = PTHREAD_ONCE_INIT;

/* dlsym() into a function pointer (through memcpy: ISO C has no cast
 * from void * to one). */
static int
ssl_sym(void *h, const char *name, void *fn, size_t size)
{
	void *sym = dlsym(h, name);

	if (sym == NULL || size != sizeof sym)
		return 0;
	memcpy(fn, &sym, sizeof sym);
	return 1;
}

static void
ssl_load(void)
{
	void *h;

	if ((h = dlopen(CRYPTO_SONAME, RTLD_NOW | RTLD_LOCAL)) == NULL)
		return;
#define SYM(var, name)	ssl_sym(h, name, &(var), sizeof (var))
	ssl_ok = SYM(ssl_ctx_new, "EVP_MD_CTX_new") &&
	    SYM(ssl_ctx_free, "EVP_MD_CTX_free") &&
	    SYM(ssl_sha256, "EVP_sha256") &&
	    SYM(ssl_init, "EVP_DigestInit_ex") &&
	    SYM(ssl_update, "EVP_DigestUpdate") &&
	    SYM(ssl_final, "EVP_DigestFinal_ex");
#undef SYM
}

int
filesha(const char *path, unsigned char *buf, size_t bufsz, char out[65],
    long long *bytes)
{
	GChecksum *ck = NULL;
	void *ctx = NULL;
	unsigned char md[32];
	unsigned int mdlen = 0;
	long long total = 0;
	ssize_t n;
	int fd, i, saved, bad = 0;

	pthread_once(&ssl_once, ssl_load);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	if (ssl_ok && (ctx = ssl_ctx_new()) != NULL &&
	    ssl_init(ctx, ssl_sha256(), NULL) != 1) {
		ssl_ctx_free(ctx);
		ctx = NULL;
	}
	if (ctx == NULL)
		ck = g_checksum_new(G_CHECKSUM_SHA256);
	while ((n = read(fd, buf, bufsz)) > 0 || (n < 0 && errno == EINTR)) {
		if (n <= 0)
			continue;
		if (ctx != NULL)
			bad |= ssl_update(ctx, buf, (size_t)n) != 1;
		else
			g_checksum_update(ck, buf, (gssize)n);
		total += n;
	}
	saved = errno;
	close(fd);
	if (n == 0 && ctx != NULL && !bad && ssl_final(ctx, md, &mdlen) == 1 &&
	    mdlen == sizeof md) {
		for (i = 0; i < 32; i++)
			snprintf(out + 2 * i, 3, "%02x", md[i]);
	} else if (n == 0 && ck != NULL)
		snprintf(out, 65, "%s", g_checksum_get_string(ck));
	else if (n == 0) {
		n = -1;
		saved = EIO;
	}
	if (ctx != NULL)
		ssl_ctx_free(ctx);
	if (ck != NULL)
		g_checksum_free(ck);
	if (n != 0) {
		errno = saved;
		return -1;
	}
	*bytes = total;
	return 0;
}
