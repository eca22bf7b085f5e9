#!/bin/sh
# The copyright release of a delivery (issue 13): picday's own wording by
# default, the studio's wording (setting delivery.release) laid out under
# the studio, client, date and number of images, or the studio's own PDF
# delivered as it is.  Read back with pdftotext and cmp.
. "$top_srcdir/tests/lib.sh"
need convert pdftotext sqlite3
plan 7

pd demo --students 1 --no-card --date 2026-11-30 >/dev/null 2>&1
pd setup set studio.name "Sunny Portraits" >/dev/null
mkdir "$T/c1"
convert -size 600x400 gradient:blue-yellow "$T/c1/IMG_0001.JPG"
pd images import "$T/c1" --by session=1001 >/dev/null 2>&1
pd grant add --session 1001 --style all --release >/dev/null
rel() { pdftotext -layout "$1/1001/copyright-release.pdf" - | tr -s ' \n' '  '; }

pd delivery build --session 1001 -o "$T/a" >/dev/null 2>&1
like "$(rel "$T/a")" "Studio: Sunny Portraits .*Images: 1 .*grants .* permission to print and share" \
    "by default, picday's wording"

words="Sunny Portraits keeps the copyright of these photographs. The family may print them at any lab and share them with relatives and friends, but not sell them or use them in advertising. Questions: call 555-0100."
pd setup set delivery.release "$words" >/dev/null
pd delivery build --session 1001 -o "$T/b" >/dev/null 2>&1
ok $? "built with the studio's wording"
got=$(rel "$T/b")
like "$got" "Studio: Sunny Portraits .*Client: .*Images: 1 " "the header stays"
like "$got" "Sunny Portraits keeps the copyright .* advertising. Questions: call 555-0100." \
    "then the studio's wording"
pdftotext -layout "$T/b/1001/copyright-release.pdf" - | grep -q 'keeps the copyright.*advertising'
[ $? = 1 ]
ok $? "wrapped on the page (not one line running off it)"

pd qr-sheets -o "$T/studio-release.pdf" >/dev/null 2>&1
pd setup set delivery.release "$T/studio-release.pdf" >/dev/null
pd delivery build --session 1001 -o "$T/c" >/dev/null 2>&1
cmp -s "$T/studio-release.pdf" "$T/c/1001/copyright-release.pdf"
ok $? "the studio's own PDF is delivered as it is"

printf 'not a pdf' >"$T/bad.pdf"
pd setup set delivery.release "$T/bad.pdf" >/dev/null
pd delivery build --session 1001 -o "$T/d" >/dev/null 2>"$T/err"
like "$?:$(tr '\n' ' ' <"$T/err")" "^1:.*bad.pdf is not a PDF" "a file that is not a PDF is named"
done_testing
