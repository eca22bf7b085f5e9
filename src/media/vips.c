/* media/vips: lazy, once-only libvips start-up. */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <vips/vips.h>

#include "media/vips.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static pthread_once_t	 vips_once = PTHREAD_ONCE_INIT;
static char		*vips_failed;	/* why vips_init() failed, or NULL */

static void
vips_start(void)
{
	if (vips_init("picday") != 0) {
		char *why = media_vips_error();

		vips_failed = xasprintf(_("cannot start libvips: %s"), why);
		free(why);
		return;
	}
	vips_cache_set_max(0);
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
