#!/bin/sh
# bench-import: QR sorting speed on a card of 24-megapixel frames (issue 4,
# item 9; DESIGN §5), beside two baselines measured in the same run on the
# same frames with all cores busy:
#   floor    libvips alone decoding each JPEG at 1/8 into memory
#            (jpegload shrink=8; a small C program built here, one thread
#            per core, so no process start-up is counted)
#   zbarimg  ZBar's command-line reader on the full frames
# Budgets: picday per frame <= 1.5x the floor; >= 10x faster than zbarimg.
# Needs: vips (libvips-tools), libvips-dev and cc, qrencode, ImageMagick,
# zbarimg.
set -u
: "${PICDAY:?usage: PICDAY=path/to/picday sh bench-import.sh}"
for c in vips cc pkg-config qrencode convert zbarimg; do
	command -v $c >/dev/null 2>&1 || { echo "bench-import: needs $c"; exit 1; }
done
NFRAMES=${NFRAMES:-30}
NZBAR=${NZBAR:-8}		# zbarimg is slow: time it on the first few
CPUS=$(nproc)
top=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
photo=$top/../shared/testdata/exif-samples/tests/42_IndexError.jpg
T=$(mktemp -d "${TMPDIR:-/tmp}/picday-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
now() { date +%s.%N; }
calc() { awk "BEGIN { print ($1) }"; }	# calc EXPR: floating point
secs() { calc "$2 - $1"; }

# The card: a real photograph enlarged to 6400x4300, each frame a
# different 6000x4000 window of it (so every frame differs), every fifth
# frame holding a QR code 20% of the short edge wide.
C=$T/card/DCIM/100CANON
mkdir -p "$C"
vips resize "$photo" "$T/big.v" 1.59 >/dev/null || exit 1
qrencode -s 1 -m 0 -o "$T/q.png" 100042
convert "$T/q.png" -filter point -resize 800x800 -bordercolor white \
    -border 100 -colorspace sRGB -type TrueColor "PNG24:$T/qr.png"
i=1
while [ $i -le "$NFRAMES" ]; do
	f=$C/IMG_$(printf %04d $i).JPG
	vips crop "$T/big.v" "$T/frame.v" $(( i * 13 % 400 )) $(( i * 7 % 300 )) \
	    6000 4000 || exit 1
	if [ $(( i % 5 )) -eq 1 ]; then
		vips insert "$T/frame.v" "$T/qr.png" "$f[Q=90]" \
		    $(( 1000 + i * 50 )) 1200 || exit 1
	else
		vips copy "$T/frame.v" "$f[Q=90]" || exit 1
	fi
	i=$((i + 1))
done
nqr=$(( (NFRAMES + 4) / 5 ))
mb=$(du -sm "$T/card" | cut -f1)
echo "   card: $NFRAMES frames of 6000x4000 ($mb MB), $nqr with a QR at 20%, $CPUS cores"

# Warm the page cache so that every contender reads from memory.
cat "$C"/*.JPG >/dev/null

# picday: the whole sort, as a user runs it.
t0=$(now)
"$PICDAY" --studio "$T/studio" images import "$T/card" --by qr --dry-run \
    --format json >"$T/out.json" 2>/dev/null
t1=$(now)
pd=$(secs "$t0" "$t1")
found=$(python3 -c 'import json,sys; print(sum(len(v) for v in json.load(open(sys.argv[1]))["markers"].values()))' "$T/out.json")

# The floor: libvips decoding at 1/8, the frames shared over all cores.
cat >"$T/floor.c" <<'EOF'
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <vips/vips.h>
static char **files; static int nfiles, next;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static void *work(void *arg) {
	for (;;) {
		VipsImage *im; void *buf; size_t n; int i;
		pthread_mutex_lock(&lock); i = next++; pthread_mutex_unlock(&lock);
		if (i >= nfiles) return NULL;
		if (vips_jpegload(files[i], &im, "shrink", 8, "access",
		    VIPS_ACCESS_SEQUENTIAL, NULL) != 0) exit(1);
		if ((buf = vips_image_write_to_memory(im, &n)) == NULL) exit(1);
		g_free(buf); g_object_unref(im);
	}
}
int main(int argc, char **argv) {
	struct timespec a, b; pthread_t t[64]; int i, nt = atoi(argv[1]);
	if (VIPS_INIT(argv[0])) return 1;
	vips_cache_set_max(0);
	files = argv + 2; nfiles = argc - 2;
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (i = 0; i < nt && i < 64; i++) pthread_create(&t[i], NULL, work, NULL);
	for (i = 0; i < nt && i < 64; i++) pthread_join(t[i], NULL);
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("%f\n", (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9);
	return 0;
}
EOF
cc -O2 -o "$T/floor" "$T/floor.c" $(pkg-config --cflags --libs vips) -lpthread ||
    exit 1
floor=$("$T/floor" "$CPUS" "$C"/*.JPG) || exit 1

# zbarimg on the full frames, over all cores.
t0=$(now)
ls "$C"/*.JPG | head -n "$NZBAR" | xargs -P "$CPUS" -n 1 zbarimg -q --raw \
    >/dev/null 2>&1
t1=$(now)
zb=$(secs "$t0" "$t1")

pd_f=$(calc "$pd / $NFRAMES")
floor_f=$(calc "$floor / $NFRAMES")
zb_f=$(calc "$zb / $NZBAR")
printf '   picday images import --by qr --dry-run: %.1f frames/s (%.0f ms/frame), %d of %d QR frames found\n' \
    "$(calc "$NFRAMES / $pd")" "$(calc "$pd_f * 1000")" "$found" "$nqr"
printf '   libvips 1/8 decode floor:               %.1f frames/s (%.0f ms/frame)\n' \
    "$(calc "$NFRAMES / $floor")" "$(calc "$floor_f * 1000")"
printf '   zbarimg full frames:                    %.1f frames/s (%.0f ms/frame, %d frames)\n' \
    "$(calc "$NZBAR / $zb")" "$(calc "$zb_f * 1000")" "$NZBAR"
r1=$(calc "$pd_f / $floor_f")
r2=$(calc "$zb_f / $pd_f")
v1=$(calc "$r1 <= 1.5 ? 1 : 0"); v2=$(calc "$r2 >= 10 ? 1 : 0")
printf '   picday / floor   = %.2fx  (budget <= 1.5x)  %s\n' "$r1" \
    "$([ "$v1" = 1 ] && echo ok || echo OVER)"
printf '   zbarimg / picday = %.1fx  (budget >= 10x)   %s\n' "$r2" \
    "$([ "$v2" = 1 ] && echo ok || echo UNDER)"
[ "$found" -eq "$nqr" ] || { echo "   QR frames missed"; exit 1; }
[ "$v1" = 1 ] && [ "$v2" = 1 ]
