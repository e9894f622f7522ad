#!/bin/sh
# lup print: every document written as PDF and read back with poppler's
# pdftotext and pdfinfo — page size and count, the names in order with
# their units, tables broken over pages under their header, Swedish
# letters, a 200-character name kept on the page, certificates one a
# page, the organisation's templates, logo and folder.
. tests/cli/lib.sh

DB="$TMP/p.db"
CFG="$TMP/lup.ini"
P=11111111-0000-4000-8000-000000000001
C1=33333333-0000-4000-8000-000000000001
C2=33333333-0000-4000-8000-000000000002
S1=77777777-0000-4000-8000-000000000001
H=44444444-0000-4000-8000-000000000001

case_ "poppler's tools are there"
check_ 'command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null' \
	"no pdftotext or pdfinfo (scripts/deps.sh installs poppler-utils)"

run --db "$DB" init
# Sixteen in Pilot Halland, in the order Swedish sorts them (Å Ä Ö last),
# each with a unit of their own; ten of them completed.
names="Anders Berg|Birgitta Åkesson|Björn Ödmark|Cecilia Holm|David Lind|Elin Nyström|Fredrik Ek|Hélène Müller|Jonas Strand|Karin Öst|Lena Wiik|Måns Ström|Zara Ali|Åsa Öberg|Ärla Ängström|Örjan Ekström"
{
	echo "INSERT INTO programme (id, name, target) VALUES ('$P', 'Ledarutveckling för en sammanhållen e-förvaltning', 300);"
	echo "INSERT INTO block (id, programme_id, seq, kind, name) VALUES
	 ('22222222-0000-4000-8000-000000000001', '$P', 1, 'ul', 'Utvecklande ledarskap'),
	 ('22222222-0000-4000-8000-000000000002', '$P', 2, 'abw', 'Aktivitetsbaserad arbetsplats');"
	echo "INSERT INTO cohort (id, programme_id, name, capacity, facilitators) VALUES
	 ('$C1', '$P', 'Pilot Halland', 16, 'Eva Ek, Olle Berg'),
	 ('$C2', '$P', 'Stor grupp', 100, 'Kim Lund');"
	echo "INSERT INTO session (id, cohort_id, block_id, title, kind, starts_at, ends_at, location) VALUES
	 ('$S1', '$C1', '22222222-0000-4000-8000-000000000001', 'UL del 1, dag 1', 'course_day', '2015-03-10 09:00', '2015-03-10 16:00', 'Tjolöholms slott'),
	 ('77777777-0000-4000-8000-000000000002', '$C1', '22222222-0000-4000-8000-000000000002', 'Studiebesök', 'study_visit', '2015-04-14 09:00', '2015-04-14 12:30', 'Nacka stadshus'),
	 ('77777777-0000-4000-8000-000000000003', '$C2', NULL, 'Start', 'course_day', '2015-09-01 09:00', '2015-09-01 12:00', NULL);"
	i=0
	echo "$names" | tr '|' '\n' | while read -r n; do
		i=$((i + 1))
		st=enrolled; [ $i -le 10 ] && st=completed
		printf "INSERT INTO person (id, name, email, org_unit) VALUES ('55555555-0000-4000-8000-%012d', '%s', 'p%d@example.se', 'Enhet %02d');\n" "$i" "$n" "$i" "$i"
		printf "INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at, enrolled_on, ended_on) VALUES ('66666666-0000-4000-8000-%012d', '$C1', '55555555-0000-4000-8000-%012d', '$P', '%s', '2015-01-02T10:00:00Z', '2015-01-02', '2015-06-01');\n" "$i" "$i" "$st"
	done
	# Sixty in Stor grupp; the first has a name of 200 characters.
	i=100
	while [ $i -lt 160 ]; do
		n="Deltagare $i Ådahl"
		[ $i -eq 100 ] && n="Långnamn Wilhelmina Charlotta Augusta Fredrika Ulrika Eleonora Lovisa Sofia Amalia Margareta Kristina Elisabet Johanna Birgitta Magdalena Katarina Ingeborg Ragnhild Sigrid Astrid von Hallandsåsens"
		printf "INSERT INTO person (id, name, email, org_unit, phone) VALUES ('55555555-0000-4000-8000-%012d', '%s', 'd%d@example.se', 'Avdelning %d', '0300-%d');\n" "$i" "$n" "$i" "$((i % 7))" "$i"
		printf "INSERT INTO enrolment (id, cohort_id, person_id, programme_id, status, requested_at, enrolled_on) VALUES ('66666666-0000-4000-8000-%012d', '$C2', '55555555-0000-4000-8000-%012d', '$P', 'enrolled', '2015-01-02T10:00:00Z', '2015-01-02');\n" "$i" "$i"
		i=$((i + 1))
	done
	echo "INSERT INTO host_org (id, name, country, city, contact_name) VALUES ('$H', 'Tallinna Linnavalitsus', 'EE', 'Tallinn', 'Kadri Tamm');"
	echo "INSERT INTO placement (id, person_id, host_id, start_date, end_date, status, objectives, mentor, cancel_reason) VALUES
	 ('88888888-0000-4000-8000-000000000001', '55555555-0000-4000-8000-000000000001', '$H', '2016-06-06', '2016-06-10', 'agreed', 'Följa arbetet med öppna data; lära av den digitala servicen.', 'Mari Kask', NULL),
	 ('88888888-0000-4000-8000-000000000002', '55555555-0000-4000-8000-000000000002', '$H', '2016-09-05', '2016-09-09', 'cancelled', 'Lära', NULL, 'Sjuk');"
} | sqlite3 "$DB" || { echo "building the database failed"; exit 1; }
printf '[documents]\norganisation = Kungsbacka kommun\nsignatory = Eva Ek\nsignatory_title = HR-direktör\n' >"$CFG"
lp() { "$LUP" --db "$DB" --config "$CFG" "$@" >"$OUT" 2>"$ERR" </dev/null; RC=$?; }
# pages FILE: its page count; size FILE: "595.276 x 841.89".
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
size() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Page size: *\([0-9.]* x [0-9.]*\) pts.*/\1/p'; }

case_ "a sign-in sheet for a session of 16"
lp print sheet "Pilot Halland@2015-03-10" --lang sv -o "$TMP/sheet.pdf"
expect_rc 0
expect_err "sign-in sheet written to .*sheet.pdf \(1 page\)"
check_ '[ "$(size "$TMP/sheet.pdf")" = "595.276 x 841.89" ]' "not A4: $(size "$TMP/sheet.pdf")"
pdftotext -layout "$TMP/sheet.pdf" "$TMP/sheet.txt"
check_ 'grep -q "Närvarolista" "$TMP/sheet.txt" && grep -q "UL del 1, dag 1" "$TMP/sheet.txt"' "no title"
check_ 'grep -q "Tjolöholms slott" "$TMP/sheet.txt" && grep -q "09:00–16:00" "$TMP/sheet.txt"' "no place or time"
# Every name on its own line, in order, with its number and its unit.
prev=0 order_ok=1 units_ok=1 k=0
for n in "Anders Berg" "Birgitta Åkesson" "Björn Ödmark" "Cecilia Holm" "David Lind" "Elin Nyström" \
         "Fredrik Ek" "Hélène Müller" "Jonas Strand" "Karin Öst" "Lena Wiik" "Måns Ström" "Zara Ali" \
         "Åsa Öberg" "Ärla Ängström" "Örjan Ekström"; do
	k=$((k + 1))
	line=$(grep -n -F "$n" "$TMP/sheet.txt" | head -1)
	at=${line%%:*}
	[ -n "$at" ] && [ "$at" -gt "$prev" ] || order_ok=0
	prev=${at:-0}
	# Person i has unit "Enhet i", i being their place in the insert order.
	i=$(echo "$names" | tr '|' '\n' | grep -n -x -F "$n" | cut -d: -f1)
	echo "$line" | grep -Eq "^[0-9]+: +$k +$n +Enhet $(printf %02d "$i")( |$)" || { units_ok=0; echo "row: $line"; }
done
check_ '[ $order_ok = 1 ]' "the 16 names are not all there in Swedish order"
check_ '[ $units_ok = 1 ]' "a name is not on the line of its number and its unit"
check_ 'grep -q "Anmälda *16" "$TMP/sheet.txt"' "the count is not 16"

case_ "English, by the session's id"
lp print sheet 77777777-0000-4000-8000-000000000001 --lang en -o "$TMP/sheet-en.pdf"
expect_rc 0
check_ 'pdftotext "$TMP/sheet-en.pdf" - | grep -q "Sign-in sheet"' "not in English"
check_ 'pdftotext "$TMP/sheet-en.pdf" - | grep -q "Signature"' "no signature column"

case_ "a 60-person participant list breaks over pages, its header on each"
lp print participants "Stor grupp" --lang sv -o "$TMP/list.pdf"
expect_rc 0
np=$(pages "$TMP/list.pdf")
check_ '[ "$np" -ge 2 ]' "60 people on $np page(s)"
hdr_ok=1 p=1
while [ "$p" -le "${np:-0}" ]; do
	pdftotext -layout -f $p -l $p "$TMP/list.pdf" - | grep -Eq "Nr +Namn +Enhet +E-post +Telefon" || hdr_ok=0
	pdftotext -layout -f $p -l $p "$TMP/list.pdf" - | grep -q "Sida $p av $np" || hdr_ok=0
	p=$((p + 1))
done
check_ '[ $hdr_ok = 1 ]' "a page lacks the table's header or its page number"
pdftotext "$TMP/list.pdf" "$TMP/list.txt"
all=1 i=101
while [ $i -lt 160 ]; do grep -q "Deltagare $i Ådahl" "$TMP/list.txt" || all=0; i=$((i + 1)); done
check_ '[ $all = 1 ]' "someone of the 60 is missing"

case_ "a 200-character name wraps inside the page"
pdftotext -bbox "$TMP/list.pdf" "$TMP/list.html"
# Every word between the margins (20 mm = 56.7 pt; the page is 595.3 wide).
check_ '[ -z "$(awk -F\" "/<word/ { if (\$2 < 50 || \$6 > 545.3) print }" "$TMP/list.html")" ]' \
	"a word runs outside the margins"
check_ 'tr -d "\n" <"$TMP/list.txt" | grep -q "Margareta Kristina"' "the long name's middle is missing"
check_ 'grep -q "Hallandsåsens" "$TMP/list.txt"' "the long name's end is missing"

case_ "every Swedish letter survives"
lp print participants "Pilot Halland" -o "$TMP/pilot.pdf"
pdftotext "$TMP/pilot.pdf" "$TMP/pilot.txt"
for n in "Birgitta Åkesson" "Björn Ödmark" "Hélène Müller" "Måns Ström" "Åsa Öberg" "Ärla Ängström" "Örjan Ekström"; do
	check_ 'grep -q -F "$n" "$TMP/pilot.txt"' "$n is not in the text"
done
check_ 'grep -q "Ledarutveckling för en sammanhållen e-förvaltning" "$TMP/pilot.txt"' "the programme"

case_ "certificates: one a page for each who completed"
lp print certificate "Pilot Halland" --lang sv -o "$TMP/intyg.pdf"
expect_rc 0
expect_err "10 certificates written to"
check_ '[ "$(pages "$TMP/intyg.pdf")" = 10 ]' "not 10 pages"
pdftotext -f 1 -l 1 "$TMP/intyg.pdf" "$TMP/intyg1.txt"
check_ 'grep -q "^Intyg$" "$TMP/intyg1.txt" && grep -q "Anders Berg" "$TMP/intyg1.txt"' "page 1 is not Anders Berg's certificate"
check_ 'grep -q "Eva Ek" "$TMP/intyg1.txt" && grep -q "HR-direktör" "$TMP/intyg1.txt" && grep -q "Kungsbacka kommun" "$TMP/intyg1.txt"' \
	"no signatory or organisation"
check_ 'grep -q "Utvecklande ledarskap" "$TMP/intyg1.txt" && grep -q "10,5" "$TMP/intyg1.txt"' "no blocks or hours"
check_ '! grep -q "Björn" "$TMP/intyg1.txt"' "another's name on page 1"
check_ 'pdftotext -f 10 -l 10 "$TMP/intyg.pdf" - | grep -q "Karin Öst"' "page 10 is not Karin Öst's"

case_ "one person's certificate"
lp print certificate "Pilot Halland" --person p3@example.se --lang en -o "$TMP/one.pdf"
expect_rc 0
expect_err "1 certificate written to"
check_ '[ "$(pages "$TMP/one.pdf")" = 1 ] && pdftotext "$TMP/one.pdf" - | grep -q "Björn Ödmark"' "not Björn's alone"
check_ 'pdftotext "$TMP/one.pdf" - | grep -q "^Certificate$"' "not in English"

case_ "no certificate for one who has not completed"
lp print certificate "Pilot Halland" --person p12@example.se
expect_rc 1
expect_err "Måns Ström has not completed Pilot Halland \(enrolled\)"
lp print certificate "Stor grupp"
expect_rc 1
expect_err "nobody has completed Stor grupp yet"

case_ "a mobility agreement and a certificate of attendance"
lp print agreement 88888888-0000-4000-8000-000000000001 --lang sv -o "$TMP/agr.pdf"
expect_rc 0
pdftotext -layout "$TMP/agr.pdf" "$TMP/agr.txt"
check_ 'grep -q "Överenskommelse om jobbskuggning" "$TMP/agr.txt"' "no title"
check_ 'grep -q "Tallinna Linnavalitsus" "$TMP/agr.txt" && grep -q "Estland" "$TMP/agr.txt"' "no host or country"
check_ 'grep -q "öppna data" "$TMP/agr.txt" && grep -q "5 dagar jobbskuggning" "$TMP/agr.txt"' "no objectives or length"
check_ 'grep -q "Deltagare" "$TMP/agr.txt" && grep -q "Sändande organisation" "$TMP/agr.txt" && grep -q "Mottagande organisation" "$TMP/agr.txt"' \
	"not the three signature blocks"
lp print attendance-certificate p1@example.se --lang en -o "$TMP/att.pdf"
expect_rc 0
check_ 'pdftotext "$TMP/att.pdf" - | grep -q "Certificate of attendance"' "no certificate of attendance"
check_ 'pdftotext "$TMP/att.pdf" - | grep -q "Estonia"' "the country is not in English"

case_ "a cancelled placement has nothing to sign"
lp print agreement 88888888-0000-4000-8000-000000000002
expect_rc 1
expect_err "cancelled"

case_ "the documents folder: XDG_DOCUMENTS_DIR in user-dirs.dirs"
mkdir -p "$XDG_CONFIG_HOME" "$HOME"
printf 'XDG_DOCUMENTS_DIR="$HOME/Dokument"\n' >"$XDG_CONFIG_HOME/user-dirs.dirs"
lp print sheet "Pilot Halland@2015-03-10"
expect_rc 0
f="$HOME/Dokument/narvarolista-2015-03-10-pilot-halland.pdf"
[ "${LC_ALL%%.*}" = "C" ] && f="$HOME/Dokument/sign-in-sheet-2015-03-10-pilot-halland.pdf"
check_ '[ -s "$f" ]' "not written to $f"
expect_err "written to $f"
check_ '[ "$(stat -c %a "$f")" = 600 ]' "not mode 0600"

case_ "[documents] folder, relative to lup.ini"
printf '[documents]\nfolder = papper\n' >"$TMP/rel.ini"
"$LUP" --db "$DB" --config "$TMP/rel.ini" print participants "Pilot Halland" --lang sv >"$OUT" 2>"$ERR"; RC=$?
expect_rc 0
check_ '[ -s "$TMP/papper/deltagarlista-pilot-halland.pdf" ]' "not in the folder beside lup.ini"

case_ "the organisation's own template, and a broken one"
mkdir -p "$TMP/mallar"
printf 'title Vår egen närvarolista\ntext {session}, {date}\n' >"$TMP/mallar/sheet.sv.txt"
printf '[documents]\ntemplates = %s\n' "$TMP/mallar" >"$TMP/own.ini"
"$LUP" --db "$DB" --config "$TMP/own.ini" print sheet "Pilot Halland@2015-03-10" --lang sv -o "$TMP/own.pdf" >"$OUT" 2>"$ERR"; RC=$?
expect_rc 0
check_ 'pdftotext "$TMP/own.pdf" - | grep -q "Vår egen närvarolista"' "the own template was not used"
printf 'title x\n\ntext {datum}\n' >"$TMP/mallar/sheet.sv.txt"
"$LUP" --db "$DB" --config "$TMP/own.ini" print sheet "Pilot Halland@2015-03-10" --lang sv -o "$TMP/own2.pdf" >"$OUT" 2>"$ERR"; RC=$?
expect_rc 1
expect_err "sheet.sv.txt:3: a sign-in sheet has no \{datum\}; it has .*date"
check_ '[ ! -e "$TMP/own2.pdf" ]' "a file was left"

case_ "a PNG logo and an SVG logo"
pdftoppm -r 10 -png -singlefile "$TMP/sheet.pdf" "$TMP/logo"
printf '[documents]\nlogo = %s\n' "$TMP/logo.png" >"$TMP/logo.ini"
"$LUP" --db "$DB" --config "$TMP/logo.ini" print sheet "$S1" -o "$TMP/png.pdf" >"$OUT" 2>"$ERR"; RC=$?
expect_rc 0
check_ '[ "$(pdfimages -list "$TMP/png.pdf" | tail -n +3 | wc -l)" -ge 1 ]' "no image in the PDF"
cat >"$TMP/logo.svg" <<'EOF'
<svg xmlns="http://www.w3.org/2000/svg" width="300" height="80" viewBox="0 0 300 80">
<rect width="300" height="80" fill="#1f5c99"/><text x="10" y="50" font-size="30" fill="#fff">LOGOTYPEN</text></svg>
EOF
printf '[documents]\nlogo = logo.svg\n' >"$TMP/svg.ini"
"$LUP" --db "$DB" --config "$TMP/svg.ini" print sheet "$S1" -o "$TMP/svg.pdf" >"$OUT" 2>"$ERR"; RC=$?
expect_rc 0
# The logo's blue, at the top left of the page as printed (librsvg draws
# its text as outlines, so it is looked for as colour).
pdftoppm -r 36 -f 1 -l 1 -x 0 -y 0 -W 150 -H 60 "$TMP/svg.pdf" "$TMP/svg"
check_ 'python3 -c "import sys; d = open(sys.argv[1], \"rb\").read(); sys.exit(0 if bytes([31, 92, 153]) in d else 1)" "$TMP"/svg*.ppm' \
	"the SVG logo's blue is not at the top of the page"
pdftoppm -r 36 -f 1 -l 1 -x 0 -y 0 -W 150 -H 60 "$TMP/sheet.pdf" "$TMP/nologo"
check_ '! python3 -c "import sys; d = open(sys.argv[1], \"rb\").read(); sys.exit(0 if bytes([31, 92, 153]) in d else 1)" "$TMP"/nologo*.ppm' \
	"the blue is there without a logo too"
printf '[documents]\nlogo = %s/none.png\n' "$TMP" >"$TMP/bad.ini"
"$LUP" --db "$DB" --config "$TMP/bad.ini" print sheet "$S1" -o "$TMP/bad.pdf" >"$OUT" 2>"$ERR"; RC=$?
expect_rc 1
expect_err "logo .*none.png: No such file"
printf 'not an image\n' >"$TMP/fake.png"
printf '[documents]\nlogo = %s/fake.png\n' "$TMP" >"$TMP/bad.ini"
"$LUP" --db "$DB" --config "$TMP/bad.ini" print sheet "$S1" -o "$TMP/bad.pdf" >"$OUT" 2>"$ERR"; RC=$?
expect_rc 1
expect_err "fake.png: not a PNG or SVG image"

case_ "to standard output"
lp print participants "Pilot Halland" -o -
expect_rc 0
check_ '[ "$(head -c 5 "$OUT")" = "%PDF-" ]' "not a PDF on standard output"
expect_no_err

case_ "no PDF onto a terminal"
if command -v script >/dev/null 2>&1; then
	script -qec "'$LUP' --db '$DB' --config '$CFG' print participants 'Pilot Halland' -o -" /dev/null >"$OUT" 2>&1; RC=$?
	expect_rc 2
	expect_out "a PDF is not for the terminal"
	check_ '! grep -q "%PDF" "$OUT"' "a PDF went to the terminal"
fi

case_ "mistakes"
lp print
expect_rc 2
expect_err "which document"
lp print intyg "Pilot Halland"
expect_rc 2
expect_err "'intyg' is not a document"
lp print sheet
expect_rc 2
expect_err "which session"
lp print sheet "$S1" --person p1@example.se
expect_rc 2
expect_err "--person is for certificates"
lp print sheet "Pilot Halland@2015-03-11"
expect_rc 1
expect_err "Pilot Halland has no session on 2015-03-11"
lp print participants "Ingen sådan"
expect_rc 2
expect_err "no cohort matches"
lp print sheet "$S1" --lang ../../x
expect_rc 1
expect_err "not a language code"

case_ "Swedish messages"
LC_ALL=sv_SE.UTF-8 "$LUP" --db "$DB" --config "$CFG" print participants "Pilot Halland" -o "$TMP/sv.pdf" >"$OUT" 2>"$ERR"; RC=$?
expect_rc 0
expect_err "deltagarlista skriven till"
check_ 'pdftotext "$TMP/sv.pdf" - | grep -q "^Deltagarlista$"' "the locale's language is not Swedish"
LC_ALL=sv_SE.UTF-8 "$LUP" --db "$DB" --config "$CFG" print certificate "Stor grupp" >"$OUT" 2>"$ERR"; RC=$?
expect_rc 1
expect_err "ingen har fullföljt Stor grupp"
finish
