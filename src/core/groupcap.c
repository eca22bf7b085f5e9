/*
 * core/groupcap: an inotify watcher thread over the Group Capture hot
 * folder.  See groupcap.h.
 */
#include "config.h"

#include <sys/inotify.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/cardscan.h"
#include "core/groupcap.h"
#include "util/i18n.h"
#include "util/xalloc.h"

struct groupcap {
	char		*dir;
	int		 ifd;
	int		 stop[2];	/* a byte on stop[1] ends the thread */
	pthread_t	 thread;
	groupcap_fn	 fn;
	void		*arg;
};

/* Reads one batch of events; 0, or -1 when the watch is gone. */
static int
groupcap_read(struct groupcap *gc)
{
	char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
	const struct inotify_event *ev;
	ssize_t n;
	char *p;

	n = read(gc->ifd, buf, sizeof buf);
	if (n <= 0)
		return n < 0 && (errno == EAGAIN || errno == EINTR) ? 0 : -1;
	for (p = buf; p < buf + n; p += sizeof *ev + ev->len) {
		ev = (const struct inotify_event *)p;
		if (ev->mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF))
			return -1;
		if (ev->len == 0 || (ev->mask & IN_ISDIR))
			continue;
		if ((ev->mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) &&
		    cardscan_is_frame(ev->name))
			gc->fn(gc->arg, ev->name);
	}
	return 0;
}

static void *
groupcap_main(void *arg)
{
	struct groupcap *gc = arg;
	struct pollfd pfd[2];
	sigset_t all;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
	pfd[0].fd = gc->ifd;
	pfd[1].fd = gc->stop[0];
	pfd[0].events = pfd[1].events = POLLIN;
	for (;;) {
		if (poll(pfd, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pfd[1].revents != 0)
			break;
		if ((pfd[0].revents & POLLIN) && groupcap_read(gc) != 0)
			break;
	}
	return NULL;
}

struct groupcap *
groupcap_watch(const char *dir, groupcap_fn fn, void *arg, char **cause)
{
	struct groupcap *gc = xcalloc(1, sizeof *gc);

	gc->fn = fn;
	gc->arg = arg;
	gc->dir = xstrdup(dir);
	gc->stop[0] = gc->stop[1] = -1;
	if ((gc->ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) == -1 ||
	    inotify_add_watch(gc->ifd, dir, IN_CLOSE_WRITE | IN_MOVED_TO |
	    IN_ONLYDIR | IN_DELETE_SELF | IN_MOVE_SELF) == -1) {
		*cause = xasprintf(_("cannot watch %s: %s"), dir,
		    strerror(errno));
		goto fail;
	}
	if (pipe2(gc->stop, O_CLOEXEC) != 0 ||
	    pthread_create(&gc->thread, NULL, groupcap_main, gc) != 0) {
		*cause = xasprintf(_("cannot watch %s: %s"), dir,
		    strerror(errno));
		goto fail;
	}
	return gc;

fail:
	if (gc->ifd != -1)
		close(gc->ifd);
	if (gc->stop[0] != -1) {
		close(gc->stop[0]);
		close(gc->stop[1]);
	}
	free(gc->dir);
	free(gc);
	return NULL;
}

void
groupcap_stop(struct groupcap *gc)
{
	if (gc == NULL)
		return;
	if (write(gc->stop[1], "x", 1) != 1) {
		/* Cannot happen on an empty pipe; the join would hang. */
		abort();
	}
	pthread_join(gc->thread, NULL);
	close(gc->ifd);
	close(gc->stop[0]);
	close(gc->stop[1]);
	free(gc->dir);
	free(gc);
}

const char *
groupcap_dir(struct groupcap *gc)
{
	return gc->dir;
}
