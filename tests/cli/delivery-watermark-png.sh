#!/bin/sh
# The studio's PNG watermark (issue 13; delivery.watermark naming a PNG
# with alpha): laid over the middle of a delivered file whose grant wants
# a watermark, blended by its alpha; the rest of the picture is as an
# unwatermarked build gives it.  Pixels read back with ImageMagick.
. "$top_srcdir/tests/lib.sh"
need convert sqlite3
plan 6

pd demo --students 1 --no-card --date 2026-11-30 >/dev/null 2>&1
mkdir "$T/c1"
convert -size 600x400 xc:'rgb(40,160,220)' "$T/c1/IMG_0001.JPG"
pd images import "$T/c1" --by session=1001 >/dev/null 2>&1
# A red bar, opaque, on a transparent 200x100 canvas.
convert -size 200x100 xc:none -fill 'rgb(255,0,0)' -draw 'rectangle 20,30 180,70' \
    "$T/logo.png"
px() { convert "$1" -format "%[fx:round(255*p{$2,$3}.r)] %[fx:round(255*p{$2,$3}.g)] %[fx:round(255*p{$2,$3}.b)]" info:; }
near() {	# near "R G B" "R G B": within 12 per channel
	set -- $1 $2
	for d in $(( $1 - $4 )) $(( $2 - $5 )) $(( $3 - $6 )); do
		[ "${d#-}" -le 12 ] || return 1
	done
}

pd grant add --session 1001 --style all >/dev/null
pd delivery build --session 1001 -o "$T/plain" >/dev/null 2>&1
pd grant add --session 1001 --style all --watermark >/dev/null
pd setup set delivery.watermark "$T/logo.png" >/dev/null
pd delivery build --session 1001 -o "$T/wm" >/dev/null 2>&1
ok $? "built with the PNG watermark"
# The logo is fitted to half the width (300x150, centred at 300,200): its
# bar covers x 180..420, y 140..260.
c=$(px "$T/wm/1001/IMG_0001.jpg" 300 200)
near "$c" "255 0 0"
ok $? "the middle is the logo's red ($c)"
near "$(px "$T/wm/1001/IMG_0001.jpg" 300 100)" "$(px "$T/plain/1001/IMG_0001.jpg" 300 100)"
ok $? "above the bar (transparent in the PNG) the picture is unchanged"
near "$(px "$T/wm/1001/IMG_0001.jpg" 20 20)" "$(px "$T/plain/1001/IMG_0001.jpg" 20 20)"
ok $? "outside the logo the picture is unchanged"

pd grant add --session 1001 --style all >/dev/null
pd delivery build --session 1001 -o "$T/nowm" >/dev/null 2>&1
near "$(px "$T/nowm/1001/IMG_0001.jpg" 300 200)" "$(px "$T/plain/1001/IMG_0001.jpg" 300 200)"
ok $? "a grant without watermark gets no logo"

convert -size 200x100 xc:white "$T/flat.png"
pd setup set delivery.watermark "$T/flat.png" >/dev/null
pd grant add --session 1001 --style all --watermark >/dev/null
pd delivery build --session 1001 -o "$T/bad" >/dev/null 2>"$T/err"
like "$?:$(tr '\n' ' ' <"$T/err")" "^1:.*flat.png: the watermark needs an alpha channel" \
    "a PNG without alpha is named"
done_testing
