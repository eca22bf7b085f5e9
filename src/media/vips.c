/* media/vips: lazy, once-only libvips start-up (and loading, vipsdl.h). */
#include "config.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "media/vips.h"
#include "media/vipsdl.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static pthread_once_t	 vips_once = PTHREAD_ONCE_INIT;
static char		*vips_failed;	/* why vips_init() failed, or NULL */

#define PICDAY_VIPS_DEFINE(f) __typeof__(picday_##f) picday_##f;
PICDAY_VIPS_FUNCS(PICDAY_VIPS_DEFINE)
#undef PICDAY_VIPS_DEFINE

/* dlopen()s libvips and fills the pointers of vipsdl.h; NULL or why not. */
static char *
media_vips_load(void)
{
	void *h, *sym;
	const char *name;

	if ((h = dlopen(VIPS_SONAME, RTLD_NOW | RTLD_GLOBAL)) == NULL)
		return xasprintf(_("cannot load libvips (%s): %s"),
		    VIPS_SONAME, dlerror());
#define PICDAY_VIPS_LOAD(f)						\
	name = #f;							\
	if ((sym = dlsym(h, name)) == NULL)				\
		goto missing;						\
	memcpy(&picday_##f, &sym, sizeof sym);
	PICDAY_VIPS_FUNCS(PICDAY_VIPS_LOAD)
#undef PICDAY_VIPS_LOAD
	return NULL;		/* the library stays loaded */
missing:
	return xasprintf(_("cannot load libvips (%s): no %s"), VIPS_SONAME,
	    name);
}

void
media_vips_environ(void)
{
	/* libvips loads its optional modules (HEIF, JPEG XL, PDF, OpenSlide,
	 * ImageMagick: some 30 more libraries) from PREFIX/lib at start-up.
	 * picday reads JPEG and PNG only, which are built in; the modules
	 * cost about 30 ms of CPU and 6-7 MB of memory in every process that
	 * makes a picture (DESIGN §5: an upload under 60 MB).  A prefix
	 * without them keeps them out; one the user set is left alone.  Set
	 * here, before any thread: setenv() while another thread reads the
	 * environment (localtime() does) is a use after free. */
	(void)setenv("VIPSHOME", "/nonexistent", 0);
}

static void
vips_start(void)
{
	if ((vips_failed = media_vips_load()) != NULL)
		return;
	if (vips_init("picday") != 0) {
		char *why = media_vips_error();

		vips_failed = xasprintf(_("cannot start libvips: %s"), why);
		free(why);
		return;
	}
	vips_cache_set_max(0);
	/* No run-time compiled (ORC) loops.  libvips compiles one as it
	 * builds a reduce or a convolution, in the thread that builds it,
	 * and liborc 0.4.33's code memory is not safe to allocate from two
	 * threads at once: picday's threads (the card generator, the card
	 * scan, previews, the render pool) build such operations side by
	 * side, and once in a few hundred runs one crashed in
	 * orc_code_allocate_codemem (caught under ASan in images-demo) or
	 * corrupted the heap.  libvips' C loops do the same work. */
	vips_vector_set_enabled(FALSE);
}

int
media_vips_init(char **cause)
{
	pthread_once(&vips_once, vips_start);
	if (vips_failed != NULL) {
		*cause = xstrdup(vips_failed);
		return -1;
	}
	return 0;
}

int
media_vips_threads(int n, char **cause)
{
	if (media_vips_init(cause) != 0)
		return -1;
	vips_concurrency_set(n);
	return 0;
}

char *
media_vips_error(void)
{
	char *copy = vips_error_buffer_copy();
	char *msg, *nl;

	msg = xstrdup(copy != NULL && *copy != '\0' ? copy :
	    _("unknown libvips error"));
	g_free(copy);
	/* One line: libvips stacks "loader: reason\n" messages. */
	while ((nl = strrchr(msg, '\n')) != NULL && nl[1] == '\0')
		*nl = '\0';
	for (nl = msg; (nl = strchr(nl, '\n')) != NULL; )
		*nl = ' ';
	return msg;
}
