/* i18n: the _() and N_() markers for translatable strings (gettext). */
#ifndef PICDAY_UTIL_I18N_H
#define PICDAY_UTIL_I18N_H

#include <libintl.h>
#define _(s)	gettext(s)
#define N_(s)	(s)

#endif
