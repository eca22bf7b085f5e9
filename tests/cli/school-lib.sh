# tests/cli/school-lib.sh: a school for the yearbook, SIS and composite
# tests, built with independent tools: a roster with awkward names, the
# sessions scheduled by picday, and portraits made with ImageMagick that
# carry their session number as a QR code (qrencode), imported with
# `picday images import --by session=N`.  Sourced after tests/lib.sh.
#
# The school "Maple Grove Elementary" (ORG):
#   00042 O'Brien, Zoë           grade 3  Ms Park   room 12
#   00107 Núñez-García, Ana María grade 3  Ms Park   room 12
#   0311  van der Berg, Jan      grade 4  Mr Roe    room 14
#   7     Smith-Jones, Al        grade 4  Mr Roe    two frames, the 2nd ✓
#   00555 Nguyễn, Thị Mai         grade 4  Mr Roe    no portrait
# SESS_<student id> holds each session number.

need convert qrencode zbarimg sqlite3 /usr/bin/python3
MAGICK_THREAD_LIMIT=1; export MAGICK_THREAD_LIMIT
ORG="Maple Grove Elementary"

# portrait OUT TEXT SEED: a 1600x1800 JPEG with TEXT as a QR code in its
# middle (the export crops the sides and the top and bottom).
portrait() {
	qrencode -s 1 -m 0 -o "$T/qr.png" "$2"
	convert "$T/qr.png" -filter point -resize 640x640 \
	    -bordercolor white -border 80 "$T/qr.png"
	mkdir -p "$(dirname "$1")"
	convert -size 1600x1800 \
	    gradient:"rgb($(( $3 * 40 % 255 )),120,180)-rgb(230,$(( $3 * 70 % 255 )),90)" \
	    "$T/qr.png" -gravity center -composite -quality 90 "$1"
}

school_make() {
	printf 'Student ID,Last Name,First Name,Grade,Teacher,Homeroom\r\n' >"$T/roster.csv"
	printf '00042,O'\''Brien,Zo\303\253,3,Ms Park,12\r\n' >>"$T/roster.csv"
	printf '00107,N\303\272\303\261ez-Garc\303\255a,Ana Mar\303\255a,3,Ms Park,12\r\n' >>"$T/roster.csv"
	printf '0311,van der Berg,Jan,4,Mr Roe,14\r\n' >>"$T/roster.csv"
	printf '7,Smith-Jones,Al,4,Mr Roe,14\r\n' >>"$T/roster.csv"
	printf '00555,Nguy\341\273\205n,Th\341\273\213 Mai,4,Mr Roe,14\r\n' >>"$T/roster.csv"
	pd clients import "$T/roster.csv" --org "$ORG" >/dev/null 2>&1 || return 1
	pd sessions schedule --org "$ORG" --date 2026-11-30 --from 09:00 \
	    --to 12:00 --minutes 3 >/dev/null 2>&1 || return 1
	pd sessions list --org "$ORG" --columns number,student_id \
	    --format csv | tail -n +2 | tr -d '\r' >"$T/sessions.csv"
	while IFS=, read -r n sid; do
		eval "SESS_$sid=$n"
	done <"$T/sessions.csv"
	for sid in 00042 00107 0311; do
		eval "n=\$SESS_$sid"
		portrait "$T/cards/$sid/IMG_0001.JPG" "$n" "${sid#00}"
		touch -d '2026-11-30 10:00:00' "$T/cards/$sid/IMG_0001.JPG"
		pd images import "$T/cards/$sid" --by "session=$n" \
		    >/dev/null 2>&1 || return 1
	done
	# Two frames: the first (earlier) is not the one the studio chose.
	n=$SESS_7
	portrait "$T/cards/7/IMG_0001.JPG" "not-chosen" 3
	portrait "$T/cards/7/IMG_0002.JPG" "$n" 4
	touch -d '2026-11-30 10:00:00' "$T/cards/7/IMG_0001.JPG"
	touch -d '2026-11-30 10:00:05' "$T/cards/7/IMG_0002.JPG"
	pd images import "$T/cards/7" --by "session=$n" >/dev/null 2>&1 ||
	    return 1
	id=$(pd images list --session "$n" --format csv |
	    awk -F, '$2 ~ /IMG_0002/ { print $1 }')
	pd images select "$id"
}

# qr_of FILE: the text of the QR code in an image.
qr_of() { zbarimg -q --raw "$1" 2>/dev/null | tr -d '\r\n'; }
