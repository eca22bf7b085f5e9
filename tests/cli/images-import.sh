#!/bin/sh
# Importing a card (issue 4, items 5 and 6): copies into
# library/ORG/SESSION/, the card only read, markers kept and flagged, every
# frame recorded once, re-running adds nothing, name clashes get a suffix,
# previews made, sessions advanced; and the manual import into one session.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/cli/images-lib.sh"
plan 23

studio_with_sessions "Lincoln/High" 1001 1002 1003
C=$T/card
qr_frame "$C/DCIM/100CANON/IMG_9998.JPG" 900 600 25 0 1001
frame "$C/DCIM/100CANON/IMG_9999.JPG" 900 600 1
frame "$C/DCIM/101CANON/IMG_0001.JPG" 900 600 2
qr_frame "$C/DCIM/101CANON/IMG_0002.JPG" 900 600 25 0 1002
frame "$C/DCIM/101CANON/IMG_0003.JPG" 900 600 3
frame "$C/DCIM/101CANON/IMG_0004.JPG" 900 600 4
# The same file name again in the next folder, in the same session.
mkdir -p "$C/DCIM/102CANON"
frame "$C/DCIM/102CANON/IMG_0003.JPG" 900 600 5
shot "$C/DCIM/100CANON/IMG_9998.JPG" canon "2024:09:12 09:00:00" 00
shot "$C/DCIM/100CANON/IMG_9999.JPG" canon "2024:09:12 09:00:10" 25 -Orientation#=6
shot "$C/DCIM/101CANON/IMG_0001.JPG" canon "2024:09:12 09:00:20" 00
shot "$C/DCIM/101CANON/IMG_0002.JPG" canon "2024:09:12 09:01:00" 00
shot "$C/DCIM/101CANON/IMG_0003.JPG" canon "2024:09:12 09:01:10" 00
shot "$C/DCIM/101CANON/IMG_0004.JPG" canon "2024:09:12 09:01:20" 00
shot "$C/DCIM/102CANON/IMG_0003.JPG" canon "2024:09:12 09:01:30" 00
exif_apply
chmod -R a-w "$C"
before=$(cd "$C" && find . -type f | sort | xargs sha256sum)
q() { sqlite3 "$STUDIO/picday.db" "$1"; }

pd images import "$C" --by qr --advance 2>"$T/err"
ok $? "import by QR succeeds"
is "$(q 'SELECT count(*) FROM images')" 7 "every frame and marker recorded once"
is "$(q "SELECT group_concat(path, ' ') FROM (SELECT path FROM images
    JOIN sessions s ON s.id = session_id WHERE s.number = 1001 ORDER BY path)")" \
    "library/Lincoln_High/1001/IMG_0001.JPG library/Lincoln_High/1001/IMG_9998.JPG library/Lincoln_High/1001/IMG_9999.JPG" \
    "frames land in library/ORG/SESSION with a safe folder name"
is "$(q "SELECT count(*) FROM images WHERE path LIKE '%/1002/IMG_0003_2.JPG'")" 1 \
    "a name clash inside the session gets a suffix"
is "$(q "SELECT group_concat(path) FROM images WHERE is_marker = 1 ORDER BY path")" \
    "library/Lincoln_High/1001/IMG_9998.JPG,library/Lincoln_High/1002/IMG_0002.JPG" \
    "the QR frames are kept and flagged as markers"
n=0; for f in $(q "SELECT path || '=' || sha256 FROM images"); do
	echo "${f#*=}  $STUDIO/${f%%=*}"
done >"$T/sums"
sha256sum -c --quiet "$T/sums" >/dev/null 2>&1
ok $? "every library file matches its recorded hash"
(cd "$C" && find . -type f -exec sha256sum {} +) | cut -c1-64 | sort -u >"$T/card.sums"
(cd "$STUDIO/library" && find . -type f -exec sha256sum {} +) | cut -c1-64 | sort >"$T/lib.sums"
is "$(comm -23 "$T/lib.sums" "$T/card.sums" | wc -l)" 0 \
    "every library file is a byte copy of a card file"
is "$(q "SELECT captured_at || '|' || camera || '|' || orientation || '|' || width || 'x' || height
    FROM images WHERE path LIKE '%/IMG_9999.JPG'")" \
    "2024-09-12T09:00:10.250|Canon Canon EOS 5D Mark IV #A1110042|6|900x600" \
    "capture time, camera, orientation and size are recorded"
is "$(q "SELECT count(*) FROM images WHERE preview_path IS NULL")" 0 "every frame has a preview"
is "$(q "SELECT bytes FROM images WHERE path LIKE '%/IMG_0004.JPG'")" \
    "$(wc -c <"$C/DCIM/101CANON/IMG_0004.JPG" | tr -d ' ')" "the size in bytes is recorded"
is "$(q "SELECT group_concat(st.name) FROM sessions s JOIN statuses st ON st.id = s.status_id
    WHERE s.number IN (1001, 1002) ORDER BY s.number")" "Images Imported,Images Imported" \
    "--advance moves the imported sessions to Images Imported"
is "$(q "SELECT st.name FROM sessions s JOIN statuses st ON st.id = s.status_id WHERE s.number = 1003")" \
    "Booked" "other sessions stay where they were"
is "$(find "$STUDIO" -name '*.tmp' | wc -l)" 0 "no temporary files are left"

pd images import "$C" --by qr 2>/dev/null
ok $? "the same import again succeeds"
is "$(q 'SELECT count(*) FROM images')" 7 "re-running an import adds nothing"
is "$(find "$STUDIO/library" -type f | wc -l)" 7 "and copies nothing"

list=$(pd images list --session 1001 --format csv | tr -d '\r')
is "$(printf '%s\n' "$list" | head -1)" "id,file,captured_at,camera,marker,selected,bytes" \
    "images list columns"
like "$(printf '%s\n' "$list" | sed -n 2p)" '^[0-9]+,library/Lincoln_High/1001/IMG_9998.JPG,2024-09-12T09:00:00.000,Canon Canon EOS 5D Mark IV #A1110042,1,0,[0-9]+$' \
    "images list shows the marker first, in capture order"

# Manual import: a reshoot folder into one session.
mkdir -p "$T/reshoot"
frame "$T/reshoot/retake1.jpg" 600 400 21; frame "$T/reshoot/Retake2.jpeg" 600 400 22
pd images import "$T/reshoot" --by session=1003 2>/dev/null
is "$(pd images list --session 1003 --format csv | tr -d '\r' | tail -n +2 | cut -d, -f2 | LC_ALL=C sort | tr '\n' ' ')" \
    "library/Lincoln_High/1003/Retake2.jpeg library/Lincoln_High/1003/retake1.jpg " \
    "--by session=NUMBER imports every frame of the folder into that session"

# --queue only queues; the worker (here `jobs run`) does it later, from
# another folder: the job holds the card's absolute path.
mkdir -p "$T/more"
frame "$T/more/extra.jpg" 600 400 31
(cd "$T" && pd images import more --by session=1002 --queue) 2>/dev/null
is "$(q "SELECT count(*) FROM images i JOIN sessions s ON s.id = i.session_id WHERE s.number = 1002")" 4 \
    "--queue imports nothing by itself"
(cd / && pd jobs run --wait) >/dev/null 2>&1
ok $? "jobs run --wait runs the queued import"
is "$(q "SELECT count(*) FROM images WHERE path LIKE '%/1002/extra.jpg'")" 1 \
    "the queued import is done by the worker"

after=$(cd "$C" && find . -type f | sort | xargs sha256sum)
is "$after" "$before" "the card is unchanged"
chmod -R u+w "$C"
done_testing
