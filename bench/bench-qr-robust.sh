#!/bin/sh
# bench-qr-robust: how many QR codes in real and hard photos picday's sort
# reads, beside zbarimg and zxing-cpp (issue 14).  Sets:
#   qrcode-1, qrcode-2  ZXing's blackbox photos (../shared/testdata/
#                       zxing-qrcode), saved as JPEG Q95 as a camera would
#   hard-CASE           frames made here with libvips from real QR renders
#                       (bench/qr-hard.c): motion blur, defocus, perspective
#                       up to 40 degrees, rotation, 15% contrast, 40-60 px
#                       codes, JPEG Q60, glare, a hand over part of the code
# Prints found/total per decoder and set, and how many frames picday did
# not read but held as "unreadable code?"; fails where picday reads fewer
# than the better of zbarimg and zxing-cpp on a set (hard: all cases
# together).  Needs: vips, cc, pkg-config, libvips-dev, libqrencode-dev,
# zbarimg, ZXingReader (zxing-cpp-tools).
set -u
: "${PICDAY:?usage: PICDAY=path/to/picday sh bench-qr-robust.sh}"
for c in vips cc pkg-config zbarimg ZXingReader python3; do
	command -v $c >/dev/null 2>&1 ||
	    { echo "bench-qr-robust: needs $c"; exit 1; }
done
PER=${PER:-8}			# hard frames per case
here=$(cd "$(dirname "$0")" && pwd)
top=${top_srcdir:-$here/..}
data=$top/../shared/testdata/zxing-qrcode
photo=$top/../shared/testdata/exif-samples/tests/42_IndexError.jpg
T=$(mktemp -d "${TMPDIR:-/tmp}/picday-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
now() { date +%s.%N; }

cc -O2 -o "$T/qr-hard" "$here/qr-hard.c" \
    $(pkg-config --cflags --libs vips libqrencode) -lm || exit 1

# The blackbox sets as JPEG Q95 (flattened on white: a camera has no alpha).
for s in qrcode-1 qrcode-2; do
	mkdir -p "$T/$s"
	for p in "$data/$s"/*.png; do
		n=$(basename "$p" .png)
		case $(vipsheader -f bands "$p") in
		2|4)	vips flatten "$p" "$T/$s/$n.v" --background 255 &&
			    vips copy "$T/$s/$n.v" "$T/$s/$n.jpg[Q=95]" &&
			    rm -f "$T/$s/$n.v" ;;
		*)	vips copy "$p" "$T/$s/$n.jpg[Q=95]" ;;
		esac || exit 1
		cp "$data/$s/$n.txt" "$T/$s/$n.txt"
	done
done
# The hard cases, one set per case.
mkdir -p "$T/gen"
"$T/qr-hard" "$photo" "$T/gen" "$PER" >"$T/gen/list" || exit 1
hard=
while read -r f text; do
	c=${f%-*}
	mkdir -p "$T/hard-$c"
	mv "$T/gen/$f" "$T/hard-$c/"
	printf '%s\n' "$text" >"$T/hard-$c/${f%.jpg}.txt"
	case " $hard " in *" hard-$c "*) ;; *) hard="$hard hard-$c" ;; esac
done <"$T/gen/list"

rc=0
printf '   %-18s %9s %9s %9s   %s\n' set picday zbarimg zxing-cpp \
    '(picday: not read but held as "unreadable code?")'
for s in qrcode-1 qrcode-2 $hard; do
	d=$T/$s
	mkdir -p "$d/zbarimg" "$d/zxing"
	t0=$(now)
	"$PICDAY" --studio "$T/studio" images import "$d" --by qr --dry-run \
	    --format json >"$d/picday.json" 2>/dev/null
	t1=$(now)
	for f in "$d"/*.jpg; do
		n=$(basename "$f" .jpg)
		zbarimg -q --raw "$f" >"$d/zbarimg/$n.out" 2>/dev/null
	done
	t2=$(now)
	for f in "$d"/*.jpg; do
		n=$(basename "$f" .jpg)
		ZXingReader -format QRCode "$f" >"$d/zxing/$n.out" \
		    2>/dev/null
	done
	python3 "$here/qr-robust-score.py" "$s" "$d" >"$d/score" || exit 1
	awk -v s="$s" '{ f[$2] = $3; t = $4 }
	    END { printf "   %-18s %5d/%-3d %5d/%-3d %5d/%-3d   held %d", s,
		f["picday"], t, f["zbarimg"], t, f["zxing-cpp"], t, f["held"]
		if (f["picday"] < f["zbarimg"] || f["picday"] < f["zxing-cpp"])
			printf "  BELOW"
		printf "\n" }' "$d/score"
	case $s in hard-*) cat "$d/score" >>"$T/hard-score" ;; esac
	awk '{ f[$2] = $3 } END { exit !(f["picday"] >= f["zbarimg"] &&
	    f["picday"] >= f["zxing-cpp"]) }' "$d/score" ||
	    case $s in hard-*) ;; *) rc=1 ;; esac
done
awk '{ f[$2] += $3; t[$2] += $4 }
    END { printf "   %-18s %5d/%-3d %5d/%-3d %5d/%-3d   held %d\n", "hard (all)",
	f["picday"], t["picday"], f["zbarimg"], t["zbarimg"],
	f["zxing-cpp"], t["zxing-cpp"], f["held"]
	exit !(f["picday"] >= f["zbarimg"] && f["picday"] >= f["zxing-cpp"]) }' \
    "$T/hard-score" || rc=1
[ $rc = 0 ] || echo "   picday reads fewer than the best other decoder"
exit $rc
