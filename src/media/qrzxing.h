/*
 * media/qrzxing: the second QR decoder, zxing-cpp, behind a C interface.
 *
 * zxing-cpp 1.4 (Debian's libzxing-dev) has no C API, so a small C++ shim
 * (qrzxing.cc) is built, when configure finds the library, as a module of
 * its own, picday-zxing.so, installed in $(pkglibdir).  media/qrscan.c
 * loads it with dlopen() at the first QR scan that needs it (looking first
 * beside the running picday, for the build tree, then in $(pkglibdir)):
 * like libzbar, neither the C++ runtime nor libZXing is bound at every
 * start of picday.  Without the module (or with PICDAY_ZXING=0 in the
 * environment) picday reads QR codes with ZBar alone.
 *
 * Threads: the function is reentrant (zxing-cpp keeps no state).
 */
#ifndef PICDAY_MEDIA_QRZXING_H
#define PICDAY_MEDIA_QRZXING_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The symbol the module exports. */
#define QRZXING_SYMBOL	"picday_zxing_grey"

/* Decodes the QR codes of a grey 8-bit image (w x h, rows of w bytes);
 * calls found() once per code with its text (UTF-8, not terminated).
 * Returns the number of codes found, or -1 when zxing-cpp failed. */
typedef int qrzxing_grey_fn(const unsigned char *grey, int w, int h,
    void (*found)(void *arg, const char *text, size_t len), void *arg);

qrzxing_grey_fn picday_zxing_grey;

#ifdef __cplusplus
}
#endif

#endif
