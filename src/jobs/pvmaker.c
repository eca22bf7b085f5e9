/* jobs/pvmaker: previews made ahead on threads.  See pvmaker.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "jobs/filesha.h"
#include "jobs/pvmaker.h"
#include "media/preview.h"
#include "media/vips.h"
#include "util/xalloc.h"

#define PV_MAX_THREADS	2
#define PV_BUF		(256 * 1024)

enum { PV_TODO, PV_OK, PV_FAILED };

struct pvjob {
	char		*src, *near, *dst, *why;
	int		 state;
	int		 hash;		/* a SHA-256 job, not a preview */
	int		 err;		/* hash: errno */
	long long	 bytes;
	char		 sha[65];
};

struct pvmaker {
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	struct pvjob	*v;
	size_t		 n;
	size_t		 next_hash, next_pv;	/* the first not taken of each */
	int		 pv_running, pv_max;	/* previews being made, at most */
	int		 stop;
	pthread_t	 th[PV_MAX_THREADS];
	int		 nth;
	int		 long_side;
	char		*watermark;
};

struct pvmaker *
pvmaker_new(int long_side, const char *watermark)
{
	struct pvmaker *pv = xcalloc(1, sizeof *pv);

	pthread_mutex_init(&pv->mu, NULL);
	pthread_cond_init(&pv->cv, NULL);
	pv->long_side = long_side;
	pv->watermark = watermark != NULL ? xstrdup(watermark) : NULL;
	return pv;
}

size_t
pvmaker_add(struct pvmaker *pv, const char *src, const char *near,
    const char *dst)
{
	pv->v = xreallocarray(pv->v, pv->n + 1, sizeof *pv->v);
	memset(&pv->v[pv->n], 0, sizeof *pv->v);
	pv->v[pv->n].src = xstrdup(src);
	pv->v[pv->n].near = near != NULL ? xstrdup(near) : NULL;
	pv->v[pv->n].dst = xstrdup(dst);
	return pv->n++;
}

size_t
pvmaker_add_hash(struct pvmaker *pv, const char *path)
{
	pv->v = xreallocarray(pv->v, pv->n + 1, sizeof *pv->v);
	memset(&pv->v[pv->n], 0, sizeof *pv->v);
	pv->v[pv->n].src = xstrdup(path);
	pv->v[pv->n].hash = 1;
	return pv->n++;
}

/* SHA-256 and size of j->src into j; 0, or -1 with j->err. */
static int
pv_hash(struct pvjob *j, unsigned char *buf)
{
	if (filesha(j->src, buf, PV_BUF, j->sha, &j->bytes) != 0) {
		j->err = errno;
		return -1;
	}
	return 0;
}

static int
pv_do(struct pvmaker *pv, struct pvjob *j, unsigned char *buf, char **why)
{
	unsigned char *own = NULL;
	int rc;

	if (!j->hash)
		return media_preview_make_from(j->near, j->src, j->dst,
		    pv->long_side, pv->watermark, why);
	if (buf == NULL)
		buf = own = xmalloc(PV_BUF);
	rc = pv_hash(j, buf);
	free(own);
	return rc;
}

/* The next job of that kind not taken from index *next on, or NULL. */
static struct pvjob *
pv_next(struct pvmaker *pv, size_t *next, int hash)
{
	while (*next < pv->n && pv->v[*next].hash != hash)
		(*next)++;
	return *next < pv->n ? &pv->v[*next] : NULL;
}

/* Under the lock: the job this thread takes next, or NULL when none is
 * left.  Thread 0 checks the HiRes files first; a preview starts only
 * while fewer than pv_max are being made (each decode holds memory), so
 * the other thread makes the previews. */
static struct pvjob *
pv_take(struct pvmaker *pv, int role)
{
	struct pvjob *h, *p;

	for (;;) {
		if (pv->stop)
			return NULL;
		h = pv_next(pv, &pv->next_hash, 1);
		p = pv_next(pv, &pv->next_pv, 0);
		if (h != NULL && (role == 0 || p == NULL ||
		    pv->pv_running >= pv->pv_max)) {
			pv->next_hash++;
			return h;
		}
		if (p != NULL && pv->pv_running < pv->pv_max) {
			pv->next_pv++;
			pv->pv_running++;
			return p;
		}
		if (h == NULL && p == NULL)
			return NULL;
		pthread_cond_wait(&pv->cv, &pv->mu);
	}
}

struct pvrole {
	struct pvmaker	*pv;
	int		 role;
};

static void *
pv_thread(void *arg)
{
	struct pvmaker *pv = ((struct pvrole *)arg)->pv;
	int role = ((struct pvrole *)arg)->role;
	struct pvjob *j;
	unsigned char *buf = xmalloc(PV_BUF);
	char *why;
	int rc;

	free(arg);
	pthread_mutex_lock(&pv->mu);
	while ((j = pv_take(pv, role)) != NULL) {
		pthread_mutex_unlock(&pv->mu);
		why = NULL;
		rc = pv_do(pv, j, buf, &why);
		pthread_mutex_lock(&pv->mu);
		if (!j->hash)
			pv->pv_running--;
		j->state = rc == 0 ? PV_OK : PV_FAILED;
		j->why = why;
		pthread_cond_broadcast(&pv->cv);
	}
	pthread_mutex_unlock(&pv->mu);
	free(buf);
	return NULL;
}

void
pvmaker_go(struct pvmaker *pv, int nthreads)
{
	sigset_t all, old;
	int i;

	if (nthreads > PV_MAX_THREADS)
		nthreads = PV_MAX_THREADS;
	if (nthreads < 1)
		nthreads = 1;
	if ((size_t)nthreads > pv->n)
		nthreads = (int)pv->n;
	/* Memory stays bounded (DESIGN §5: an upload under 60 MB): one
	 * libvips thread per preview, few malloc arenas, and big blocks
	 * given back to the system when freed. */
	/* One preview at a time (the other thread checks HiRes files): two
	 * at once cost 6-8 MB more and gained nothing measurable. */
	pv->pv_max = 1;
	for (i = 0; i < (int)pv->n; i++)
		if (!pv->v[i].hash) {
			char *why = NULL;

			if (media_vips_threads(1, &why) != 0)
				free(why);	/* each preview says why */
			break;
		}
	(void)mallopt(M_ARENA_MAX, 2);
	(void)mallopt(M_MMAP_THRESHOLD, 128 * 1024);
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	for (i = 0; i < nthreads; i++) {
		struct pvrole *r = xmalloc(sizeof *r);

		r->pv = pv;
		r->role = i;
		if (pthread_create(&pv->th[pv->nth], NULL, pv_thread, r) == 0)
			pv->nth++;
		else
			free(r);
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

int
pvmaker_ready(struct pvmaker *pv, size_t i)
{
	int r;

	pthread_mutex_lock(&pv->mu);
	r = pv->v[i].state != PV_TODO;
	pthread_mutex_unlock(&pv->mu);
	return r;
}

int
pvmaker_wait(struct pvmaker *pv, size_t i, char **why)
{
	struct pvjob *j = &pv->v[i];
	int rc;

	pthread_mutex_lock(&pv->mu);
	if (pv->nth == 0 && j->state == PV_TODO) {
		/* No thread could start: make it here. */
		pthread_mutex_unlock(&pv->mu);
		rc = pv_do(pv, j, NULL, why);
		pthread_mutex_lock(&pv->mu);
		j->state = rc == 0 ? PV_OK : PV_FAILED;
		if (rc != 0 && !j->hash)
			j->why = xstrdup(*why);
		else
			*why = NULL;
		pthread_mutex_unlock(&pv->mu);
		return rc;
	}
	while (j->state == PV_TODO)
		pthread_cond_wait(&pv->cv, &pv->mu);
	rc = j->state == PV_OK ? 0 : -1;
	if (rc != 0)
		*why = xstrdup(j->why != NULL ? j->why : "?");
	pthread_mutex_unlock(&pv->mu);
	return rc;
}

int
pvmaker_hash(struct pvmaker *pv, size_t i, char sha[65], long long *bytes)
{
	struct pvjob *j = &pv->v[i];
	char *why = NULL;
	int rc;

	if (pvmaker_wait(pv, i, &why) != 0) {
		free(why);
		errno = pv->v[i].err;
		return -1;
	}
	pthread_mutex_lock(&pv->mu);
	memcpy(sha, j->sha, 65);
	*bytes = j->bytes;
	rc = 0;
	pthread_mutex_unlock(&pv->mu);
	return rc;
}

void
pvmaker_free(struct pvmaker *pv)
{
	size_t i;
	int k;

	if (pv == NULL)
		return;
	pthread_mutex_lock(&pv->mu);
	pv->stop = 1;
	pthread_cond_broadcast(&pv->cv);
	pthread_mutex_unlock(&pv->mu);
	for (k = 0; k < pv->nth; k++)
		pthread_join(pv->th[k], NULL);
	for (i = 0; i < pv->n; i++) {
		free(pv->v[i].src);
		free(pv->v[i].near);
		free(pv->v[i].dst);
		free(pv->v[i].why);
	}
	free(pv->v);
	free(pv->watermark);
	pthread_cond_destroy(&pv->cv);
	pthread_mutex_destroy(&pv->mu);
	free(pv);
}
