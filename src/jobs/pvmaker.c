/* jobs/pvmaker: previews made ahead on threads.  See pvmaker.h. */
#include "config.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "jobs/pvmaker.h"
#include "media/preview.h"
#include "util/xalloc.h"

#define PV_MAX_THREADS	4

enum { PV_TODO, PV_OK, PV_FAILED };

struct pvjob {
	char	*src, *dst, *why;
	int	 state;
};

struct pvmaker {
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	struct pvjob	*v;
	size_t		 n, next;
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
pvmaker_add(struct pvmaker *pv, const char *src, const char *dst)
{
	pv->v = xreallocarray(pv->v, pv->n + 1, sizeof *pv->v);
	memset(&pv->v[pv->n], 0, sizeof *pv->v);
	pv->v[pv->n].src = xstrdup(src);
	pv->v[pv->n].dst = xstrdup(dst);
	return pv->n++;
}

static void *
pv_thread(void *arg)
{
	struct pvmaker *pv = arg;
	struct pvjob *j;
	char *why;
	int rc;

	pthread_mutex_lock(&pv->mu);
	while (!pv->stop && pv->next < pv->n) {
		j = &pv->v[pv->next++];
		pthread_mutex_unlock(&pv->mu);
		why = NULL;
		rc = media_preview_make_marked(j->src, j->dst, pv->long_side,
		    pv->watermark, &why);
		pthread_mutex_lock(&pv->mu);
		j->state = rc == 0 ? PV_OK : PV_FAILED;
		j->why = why;
		pthread_cond_broadcast(&pv->cv);
	}
	pthread_mutex_unlock(&pv->mu);
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
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	for (i = 0; i < nthreads; i++)
		if (pthread_create(&pv->th[pv->nth], NULL, pv_thread, pv) == 0)
			pv->nth++;
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
		rc = media_preview_make_marked(j->src, j->dst, pv->long_side,
		    pv->watermark, why);
		pthread_mutex_lock(&pv->mu);
		j->state = rc == 0 ? PV_OK : PV_FAILED;
		if (rc != 0)
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

void
pvmaker_free(struct pvmaker *pv)
{
	size_t i;
	int k;

	if (pv == NULL)
		return;
	pthread_mutex_lock(&pv->mu);
	pv->stop = 1;
	pthread_mutex_unlock(&pv->mu);
	for (k = 0; k < pv->nth; k++)
		pthread_join(pv->th[k], NULL);
	for (i = 0; i < pv->n; i++) {
		free(pv->v[i].src);
		free(pv->v[i].dst);
		free(pv->v[i].why);
	}
	free(pv->v);
	free(pv->watermark);
	pthread_cond_destroy(&pv->cv);
	pthread_mutex_destroy(&pv->mu);
	free(pv);
}
