# tests/cli/images-lib.sh: a camera card "made by someone else" for the
# image importer's tests, built with independent tools only: ImageMagick
# (frames), qrencode (codes), exiftool (EXIF), and sessions made with
# sqlite3.  Sourced after tests/lib.sh.
#
#   studio_with_sessions ORG NUMBER...   the studio, an org, one client and
#                                        session per number
#   frame OUT W H SEED                   a plain frame, unique per seed
#   qr_frame OUT W H PCT ANGLE CODE...   a frame showing QR codes, each
#                                        PCT% of the short edge, rotated
#   exif_queue FILE ARGS...              exiftool arguments for FILE
#   shot FILE BODY TIME SUBSEC [ARGS]    a body's EXIF for FILE
#   exif_apply                           writes every queued tag at once

need convert qrencode exiftool sqlite3 python3
# ImageMagick's OpenMP threads only spin on a busy 2-core machine.
MAGICK_THREAD_LIMIT=1; export MAGICK_THREAD_LIMIT

studio_with_sessions() {	# ORG NUMBER...
	_org=$1; shift
	pd org add "$_org" >/dev/null 2>&1 || return 1
	for _n in "$@"; do
		sqlite3 "$STUDIO/picday.db" "
		    INSERT INTO clients(org_id, first_name, last_name, student_id)
		      SELECT id, 'Kid', 'No$_n', 'S$_n' FROM organizations
		      WHERE name = '$_org';
		    INSERT INTO sessions(number, client_id, org_id, status_id)
		      SELECT $_n, last_insert_rowid(), o.id, s.id
		      FROM organizations o, statuses s
		      WHERE o.name = '$_org' AND s.name = 'Booked';" || return 1
	done
}

frame() {	# OUT W H SEED
	_x=$(( ($4 * 37) % ($2 - 200) )); _y=$(( ($4 * 53) % ($3 - 200) ))
	mkdir -p "$(dirname "$1")"
	convert -size "$2x$3" gradient:'#8ab4d8-#d8c08a' \
	    -fill "rgb($(( $4 * 7 % 255 )),90,$(( $4 * 13 % 255 )))" \
	    -draw "rectangle $_x,$_y $(( _x + 150 )),$(( _y + 180 ))" \
	    -quality 88 "$1"
}

qr_frame() {	# OUT W H PCT ANGLE CODE...
	_out=$1 _w=$2 _h=$3 _pct=$4 _ang=$5; shift 5
	_short=$_w; [ "$_h" -lt "$_short" ] && _short=$_h
	_px=$(( _short * _pct / 100 ))
	set -- "$@"
	_args="" _i=0
	for _c in "$@"; do
		qrencode -s 1 -m 0 -o "$T/qr-$_i.png" "$_c"
		convert "$T/qr-$_i.png" -filter point -resize "${_px}x${_px}" \
		    -bordercolor white -border $(( _px / 6 )) \
		    -background white -rotate "$_ang" "$T/qr-$_i.png"
		_args="$_args $T/qr-$_i.png -geometry +$(( 60 + _i * (_px * 2) ))+$(( _h / 3 )) -composite"
		_i=$(( _i + 1 ))
	done
	mkdir -p "$(dirname "$_out")"
	# shellcheck disable=SC2086
	convert -size "${_w}x${_h}" gradient:'#c8c8c8-#f0f0f0' $_args \
	    -quality 90 "$_out"
}

EXIF_ARGS=$T/exif.args
: >"$EXIF_ARGS"
exif_queue() {	# FILE ARGS...
	_f=$1; shift
	for _a in "$@"; do printf '%s\n' "$_a" >>"$EXIF_ARGS"; done
	printf '%s\n%s\n%s\n' -overwrite_original "$_f" -execute >>"$EXIF_ARGS"
}
exif_apply() {
	exiftool -q -q -@ "$EXIF_ARGS" >/dev/null
	: >"$EXIF_ARGS"
}

# shot FILE canon|nikon "YYYY:MM:DD HH:MM:SS" SUBSEC [ARGS...]: queues the
# EXIF of one of the card's two bodies (same make, different models and
# serial numbers, so only the body key keeps them apart).
shot() {
	_f=$1 _b=$2 _t=$3 _s=$4; shift 4
	case $_b in
	canon) exif_queue "$_f" -Make=Canon "-Model=Canon EOS 5D Mark IV" \
	    -SerialNumber=A1110042 "-DateTimeOriginal=$_t" \
	    "-SubSecTimeOriginal=$_s" "$@" ;;
	nikon) exif_queue "$_f" -Make=NIKON "-Model=NIKON D750" \
	    -SerialNumber=B2220077 "-DateTimeOriginal=$_t" \
	    "-SubSecTimeOriginal=$_s" "$@" ;;
	esac
}

# json_equal GOT EXPECTED: exact equality of two JSON texts.
json_equal() {
	/usr/bin/python3 -c 'import json,sys
a = json.loads(sys.argv[1]); b = json.loads(sys.argv[2])
if a != b:
    for k in sorted(set(a) | set(b)):
        if a.get(k) != b.get(k):
            print("# %s: got %s\n#   expected %s" % (k, json.dumps(a.get(k)), json.dumps(b.get(k))))
    sys.exit(1)' "$1" "$2"
}
