#!/bin/sh
# Digital delivery (DESIGN §5, issue 13): a delivery of N images at 2048 px
# from 24 MP JPEGs.  Times `picday delivery build` (files, thumbnails,
# manifest, page) against, in the same run, `vipsthumbnail --size 2048` over
# the same files (budget: within 1.3x).
set -eu
: "${PICDAY:?usage: PICDAY=path/to/picday sh bench-delivery.sh}"
N=${BENCH_DELIVERY:-20}
T=$(mktemp -d "${TMPDIR:-/tmp}/picday-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
MAGICK_THREAD_LIMIT=2; export MAGICK_THREAD_LIMIT

pd() { "$PICDAY" --studio "$T/studio" "$@"; }
pd demo --students 1 --date 2026-11-30 --no-card >/dev/null 2>&1
mkdir -p "$T/card"
convert -size 4000x6000 plasma:fractal -blur 0x2 -quality 92 "$T/one.jpg"
for i in $(seq "$N"); do
	# distinct bytes (the import keys images by SHA-256)
	convert "$T/one.jpg" -fill white -draw "point $i,$i" -quality 92 \
	    "$T/card/IMG_$(printf %04d "$i").JPG"
done
pd images import "$T/card" --by session=1001 >/dev/null 2>&1
pd grant add --session 1001 --style all --long-side 2048 >/dev/null

now() { date +%s.%N; }
t0=$(now)
pd delivery build --session 1001 -o "$T/out" >/dev/null 2>&1
t1=$(now)
mkdir -p "$T/v"
vipsthumbnail "$T"/card/*.JPG --size 2048 -o "$T/v/%s.jpg[Q=92]"
t2=$(now)
echo "$t0 $t1 $t2 $N" | awk '{
	p = $2 - $1; v = $3 - $2
	printf "   picday delivery build: %d images in %.2f s\n", $4, p
	printf "   vipsthumbnail: %.2f s (ratio %.2f, budget 1.3)\n", v, p / v
	exit !(p <= 1.3 * v)
}'
