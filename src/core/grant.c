/* core/grant: grant resolution (see grant.h). */
#include "config.h"

#include <string.h>

#include "core/grant.h"

static int
in_group(const char *groups, const char *name)
{
	size_t n = strlen(name);
	const char *p = groups, *e;

	while (p != NULL && *p != '\0') {
		e = strchr(p, '\n');
		if ((size_t)((e != NULL ? e : p + strlen(p)) - p) == n &&
		    strncmp(p, name, n) == 0)
			return 1;
		p = e != NULL ? e + 1 : NULL;
	}
	return 0;
}

int
grant_covers(const struct grant_terms *g, const struct grant_image *im)
{
	const char *s = g->style;

	if (strcmp(s, "all") == 0)
		return 1;
	if (strcmp(s, "ordered") == 0)
		return im->ordered;
	if (strcmp(s, "selected") == 0)
		return im->selected;
	if (strcmp(s, "non-composite") == 0)
		return !im->composite;
	if (strncmp(s, "group:", 6) == 0)
		return in_group(im->groups, s + 6);
	if (strcmp(s, "single") == 0)
		return g->image_id != 0 && g->image_id == im->id;
	return 0;
}

size_t
grant_resolve(const struct grant_terms *g, size_t ng,
    const struct grant_image *im, size_t ni, struct grant_result *out)
{
	size_t i, j, n = 0;

	for (i = 0; i < ni; i++) {
		struct grant_result *r = &out[i];

		memset(r, 0, sizeof *r);
		for (j = 0; j < ng; j++) {
			if (!grant_covers(&g[j], &im[i]))
				continue;
			if (!r->granted) {
				r->granted = 1;
				r->long_side = g[j].long_side;
				r->watermark = g[j].watermark;
				r->release = g[j].release;
				continue;
			}
			if (r->long_side != 0 && (g[j].long_side == 0 ||
			    g[j].long_side > r->long_side))
				r->long_side = g[j].long_side;
			r->watermark = r->watermark && g[j].watermark;
			r->release = r->release || g[j].release;
		}
		n += r->granted != 0;
	}
	return n;
}
