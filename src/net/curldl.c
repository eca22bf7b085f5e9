/* net/curldl: loading libcurl on first use (see curldl.h). */
#include "config.h"

#include <dlfcn.h>
#include <pthread.h>
#include <string.h>

#include "net/curldl.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define PICDAY_CURL_DEFINE(f) __typeof__(f) *picday_##f;
PICDAY_CURL_FUNCS(PICDAY_CURL_DEFINE)
#undef PICDAY_CURL_DEFINE

static pthread_once_t	 curl_once = PTHREAD_ONCE_INIT;
static char		*curl_failed;	/* why not loaded, or NULL; kept */

static void
net_curl_load_once(void)
{
	void *h, *sym;
	const char *name;

	if ((h = dlopen(CURL_SONAME, RTLD_NOW | RTLD_GLOBAL)) == NULL) {
		curl_failed = xasprintf(_("cannot load libcurl (%s): %s"),
		    CURL_SONAME, dlerror());
		return;
	}
#define PICDAY_CURL_LOAD(f)						\
	name = #f;							\
	if ((sym = dlsym(h, name)) == NULL)				\
		goto missing;						\
	memcpy(&picday_##f, &sym, sizeof sym);
	PICDAY_CURL_FUNCS(PICDAY_CURL_LOAD)
#undef PICDAY_CURL_LOAD
	curl_global_init(CURL_GLOBAL_DEFAULT);
	return;		/* the library stays loaded */
missing:
	curl_failed = xasprintf(_("cannot load libcurl (%s): no %s"),
	    CURL_SONAME, name);
}

int
net_curl_load(char **cause)
{
	pthread_once(&curl_once, net_curl_load_once);
	if (curl_failed != NULL) {
		*cause = xstrdup(curl_failed);
		return -1;
	}
	return 0;
}
