#!/bin/sh
# Render (DESIGN §5, issue 11): 8x10 prints at 300 dpi from a 24 MP JPEG.
# Times `picday production render` of one order of K prints against, in the
# same run, `vips thumbnail SRC 2400 --height 3000 --crop centre` K times
# (budget: within 1.2x) and ImageMagick `convert -resize 2400x3000^
# -gravity center -extent 2400x3000` K times (budget: 5x faster), and
# compares peak memory (budget: a quarter of ImageMagick's or less).
# Then the same order again with production.threads 1 (one print at a
# time) against the default (one print per core): the ratio is printed,
# with no budget (it depends on the cores free on a shared machine).
set -eu
: "${PICDAY:?usage: PICDAY=path/to/picday sh bench-render.sh}"
K=${BENCH_PRINTS:-8}
T=$(mktemp -d "${TMPDIR:-/tmp}/picday-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
MAGICK_THREAD_LIMIT=2; export MAGICK_THREAD_LIMIT

pd() { "$PICDAY" --studio "$T/studio" "$@"; }
pd demo --students 1 --date 2026-11-30 --no-card >/dev/null 2>&1
mkdir -p "$T/card"
convert -size 4000x6000 plasma:fractal -blur 0x2 -quality 92 \
    "$T/card/IMG_0001.JPG"
SRC=$T/card/IMG_0001.JPG
pd images import "$T/card" --by session=1001 >/dev/null 2>&1
printf 'Code,Name,Kind,Price,Width_in,Height_in,DPI\n810,8x10,print,18,8,10,300\n' \
    >"$T/pl.csv"
pd pricelist import "$T/pl.csv" >/dev/null 2>&1
# shellcheck disable=SC2046
pd invoices add --session 1001 $(seq "$K" | sed 's/.*/810/') >/dev/null 2>&1
pd production create >/dev/null 2>&1

now() { date +%s.%N; }
mem() { /usr/bin/time -f %M -o "$T/mem" "$@" && cat "$T/mem"; }

t0=$(now)
m_pd=$(mem "$PICDAY" --studio "$T/studio" production render -o "$T/out" \
    2>/dev/null)
t1=$(now)
for i in $(seq "$K"); do
	vips thumbnail "$SRC" "$T/v$i.jpg[Q=95]" 2400 --height 3000 \
	    --crop centre
done
t2=$(now)
m_im=0
for i in $(seq "$K"); do
	m=$(mem convert "$SRC" -resize '2400x3000^' -gravity center \
	    -extent 2400x3000 -quality 95 "$T/c$i.jpg")
	[ "$m" -gt "$m_im" ] && m_im=$m
done
t3=$(now)
# Sequential against parallel, the same prints (--again renders them all),
# in turns, three rounds, the best of each (the machine is shared).
best_s=999999; best_p=999999
for r in 1 2 3; do
	for th in 1 0; do
		pd setup set production.threads $th
		a=$(now)
		pd production render --order 1 --again -o "$T/th$th" >/dev/null 2>&1
		b=$(now)
		d=$(echo "$a $b" | awk '{ printf "%.3f", $2 - $1 }')
		if [ $th = 1 ]; then
			best_s=$(echo "$d $best_s" | awk '{ print ($1 < $2) ? $1 : $2 }')
		else
			best_p=$(echo "$d $best_p" | awk '{ print ($1 < $2) ? $1 : $2 }')
		fi
	done
done
(cd "$T/th1/1" && sha256sum ./*.jpg manifest.csv) >"$T/s1"
(cd "$T/th0/1" && sha256sum ./*.jpg manifest.csv) >"$T/s2"
cmp -s "$T/s1" "$T/s2" ||
    { echo "   parallel prints differ from sequential ones"; exit 1; }
echo "$best_s $best_p $K $(getconf _NPROCESSORS_ONLN)" | awk '{
	printf "   %d prints one at a time: %.2f s; %d at once: %.2f s (%.2fx faster, same bytes; best of 3)\n",
	    $3, $1, $4, $2, $1 / $2
}'
echo "$t0 $t1 $t2 $t3 $m_pd $m_im $K" | awk '{
	p = $2 - $1; v = $3 - $2; c = $4 - $3
	printf "   picday render: %d prints in %.2f s, peak %d MB\n", $7, p, $5 / 1024
	printf "   vips thumbnail: %.2f s (ratio %.2f, budget 1.2)\n", v, p / v
	printf "   ImageMagick convert: %.2f s, peak %d MB (%.1fx slower, budget 5; memory %.2f of it, budget 0.25)\n",
	    c, $6 / 1024, c / p, $5 / $6
	exit !(p <= 1.2 * v && c >= 5 * p && $5 <= 0.25 * $6)
}'
