/*
 * media/qrzxing: the zxing-cpp shim, built as the module picday-zxing.so.
 * See qrzxing.h.
 */
#include "config.h"

#include <exception>

#define ZX_USE_UTF8 1
#include <ReadBarcode.h>

#include "media/qrzxing.h"

int
picday_zxing_grey(const unsigned char *grey, int w, int h,
    void (*found)(void *arg, const char *text, size_t len), void *arg)
{
	try {
		ZXing::ImageView iv(grey, w, h, ZXing::ImageFormat::Lum);
		ZXing::DecodeHints hints;
		int n = 0;

		hints.setFormats(ZXing::BarcodeFormat::QRCode);
		hints.setTryHarder(true);
		hints.setTryRotate(true);
		for (const auto &r : ZXing::ReadBarcodes(iv, hints)) {
			if (!r.isValid())
				continue;
			std::string t = r.text();

			found(arg, t.data(), t.size());
			n++;
		}
		return n;
	} catch (const std::exception &) {
		return -1;
	} catch (...) {
		return -1;
	}
}
