#!/bin/sh
# lup framework list | import | show | export | diff
. tests/cli/lib.sh
FW=$TOP/share/lup/frameworks
export LUP_DATADIR="$TOP/share/lup"

case_ "list on an empty database"
run init
run framework list
expect_rc 0
expect_err "none imported yet"

case_ "import the profile before its base: the shipped DigComp resolves it"
run framework import "$FW/kommun-chefer.ini"
expect_rc 0
expect_out "imported as kommun-chefer revision 1 \(22 competences, 66 targets\)"

case_ "import DigComp and the template in one go"
run framework import "$FW/digcomp-2.2.ini" "$FW/e-medarbetare-template.ini"
expect_rc 0
expect_out "digcomp revision 1 \(21 competences"
expect_out "e-medarbetare-mall revision 1 \(6 competences"

case_ "import the same file again: unchanged"
run framework import "$FW/digcomp-2.2.ini"
expect_rc 0
expect_out "unchanged \(digcomp revision 1\)"

case_ "a changed file: a new revision"
sed 's/^version = 2.2$/version = 2.2.1/' "$FW/digcomp-2.2.ini" >"$TMP/digcomp.ini"
run framework import "$TMP/digcomp.ini"
expect_rc 0
expect_out "digcomp revision 2"

case_ "list: the latest revision of each"
run framework list
expect_rc 0
expect_lines 4
expect_out "^ID +VERSION +REV +COMPETENCES +IMPORTED +NAME"
expect_out "^digcomp +2\.2\.1 +2 +21 +[0-9]{4}-[0-9]{2}-[0-9]{2} +DigComp 2\.2"
expect_out "^kommun-chefer +2024\.1 +1 +22 "
run framework list --all
expect_lines 5
expect_out "^digcomp +2\.2 +1 "

case_ "show by ident: levels, areas, competences, targets"
run framework show kommun-chefer
expect_rc 0
expect_out "^kommun-chefer@1 "
expect_out "extends +digcomp"
expect_out "^ +8 +Highly specialised +New solutions"
expect_out "^  L +Digital leadership"
expect_out "^    L\.1 +Leading digital change +3–8$"
expect_out "^    3\.4 +Programming +1–8  \(retired\)"
expect_out "^    2\.3 +Citizen dialogue"
expect_out "^  enhetschef$"
expect_out " 1\.1=4 "

case_ "show by ident@revision and by id prefix"
run framework show digcomp@1
expect_rc 0
expect_out "^digcomp@1 "
expect_out "version +2\.2$"
id=$(sed -n 's/^  id  *//p' "$OUT" | cut -c1-8)
run framework show "$id"
expect_rc 0
expect_out "^digcomp@1 "

case_ "show in Swedish"
if locale -a 2>/dev/null | grep -qi '^sv_SE\.utf-\?8$'; then
	LC_ALL=sv_SE.UTF-8 LANGUAGE=sv run framework show digcomp@1
	expect_out "Grundläggande +Enkla uppgifter, med vägledning"
	expect_out "^  4 +Säkerhet"
else
	pass
fi

case_ "show an unknown framework"
run framework show nosuch
expect_rc 2
expect_err "^lup: framework: no framework matches 'nosuch'"
run framework show digcomp@9
expect_rc 2
expect_err "has no revision 9"

case_ "a malformed file: file, line, section and key named; nothing stored"
cat >"$TMP/bad.ini" <<'INI'
[framework]
id = bad
name = Bad
version = 1
level_max = 8
[area a]
name = A
[competence a.1]
area = a
name = One
levels = 2-9
INI
run framework import "$TMP/bad.ini"
expect_rc 1
expect_err "bad\.ini:11: \[competence a\.1\] levels: 2-9 lies outside the scale 1-8"
run framework list --all
expect_no_out "^bad "

case_ "an unknown base"
printf '[framework]\nid = x\nextends = nosuch\nname = X\nversion = 1\n' >"$TMP/x.ini"
run framework import "$TMP/x.ini"
expect_rc 1
expect_err "x\.ini:3: \[framework\] extends: no framework 'nosuch'"

case_ "a missing file"
run framework import "$TMP/missing.ini"
expect_rc 1
expect_err "cannot read .*missing\.ini"

case_ "usage errors"
run framework
expect_rc 2
run framework frobnicate
expect_rc 2
expect_err "no subcommand 'frobnicate': list, import, show, export or diff"
expect_err "no subcommand 'frobnicate'"
run framework import
expect_rc 2
run framework show
expect_rc 2
run framework list extra
expect_rc 2

case_ "export, import the export, export again: the same bytes"
run framework export kommun-chefer -o "$TMP/kc1.ini"
expect_rc 0
expect_err "kommun-chefer revision 1 written to"
run framework import "$TMP/kc1.ini"
expect_rc 0
expect_out "unchanged \(kommun-chefer revision 1\)"
run target set --role Enhetschef --framework kommun-chefer 1.1=6
expect_rc 0
run framework export kommun-chefer -o "$TMP/kc2.ini"
run framework import "$TMP/kc2.ini"
expect_rc 0
expect_out "imported as kommun-chefer revision 2"
run framework export kommun-chefer -o "$TMP/kc3.ini"
expect_rc 0
check_ 'cmp -s "$TMP/kc2.ini" "$TMP/kc3.ini"' "the second export differs from the first"
check_ 'grep -q "^1.1 = 6" "$TMP/kc3.ini"' "the target set in lup is not in the export"
run framework export kommun-chefer --format moodle
expect_rc 0
expect_out "^Parent ID number,ID number,Short name,"
expect_out "^L,L\.1,Leading digital change,"
run framework export kommun-chefer --format pdf
expect_rc 2

case_ "an old file again: the revision it equals"
run framework import "$FW/digcomp-2.2.ini"
expect_rc 0
expect_out "digcomp revision 3, [0-9]+ changes? from revision 2"
expect_out "the same content as revision 1"
expect_out "framework version: \"2\.2\.1\" → \"2\.2\""

case_ "diff: what changed from one revision to another"
run framework diff digcomp@1 digcomp@2
expect_rc 0
expect_out "^digcomp@1 → digcomp@2: 1 change$"
expect_out "framework version: \"2\.2\" → \"2\.2\.1\""
# revision 1 as it stood when 2 came (1.1 = 6 had been set by then)
# against revision 2 now
run target set --role enhetschef --framework kommun-chefer 1.2=7
run framework diff kommun-chefer
expect_rc 0
expect_out "^kommun-chefer@1 → kommun-chefer@2: 1 change$"
expect_out "target for enhetschef, 1\.2: 4 → 7"
run framework diff kommun-chefer@1
expect_rc 1
expect_err "it is the first revision"

case_ "every problem of every file at once, and nothing stored"
cat >"$TMP/three.ini" <<'INI'
[framework]
id = tre
name = Tre
version = 1
level_max = 4
[area A]
name = A
[competence A.1]
area = A
name = Ett
levels = 2-9
[competence SJÄ.1]
area = A
name = Två
[competence A.3]
area = B
name = Tre
retired = kanske
INI
printf '[framework]\nid = fyra\nname = Fyra\nversion = 1\nlevel_max = 4\n[area A]\nname = A\n[competence A.1]\narea = A\nname = Ett\n' >"$TMP/good.ini"
run framework import "$TMP/good.ini" "$TMP/three.ini"
expect_rc 1
expect_err "three\.ini:12: \[competence SJÄ\.1\]: expected \[competence CODE\]: 'Ä' may not be part of a code"
expect_err "three\.ini:18: \[competence A\.3\] retired: 'kanske': expected yes or no"
expect_err "three\.ini:11: \[competence A\.1\] levels: 2-9 lies outside the scale 1-4"
expect_err "three\.ini:16: \[competence A\.3\] area: no \[area B\] in this framework"
expect_err "4 problems: nothing was stored"
run framework list --all
expect_no_out "^fyra "
expect_no_out "^tre "

case_ "two files, one extending the other, given in either order"
printf '[framework]\nid = bas\nname = Bas\nversion = 1\nlevel_max = 3\n[area A]\nname = A\n[competence A.1]\narea = A\nname = Ett\n' >"$TMP/bas.ini"
printf '[framework]\nid = profil\nextends = bas\nname = Profil\nversion = 1\n[targets chef]\nA.1 = 2\n' >"$TMP/profil.ini"
run framework import --dry-run "$TMP/profil.ini" "$TMP/bas.ini"
expect_rc 0
expect_out "bas\.ini: would be imported as bas revision 1"
expect_out "profil\.ini: would be imported as profil revision 1"
expect_err "nothing stored \(--dry-run\)"
run framework list --all
expect_no_out "^bas "
run framework import "$TMP/profil.ini" "$TMP/bas.ini"
expect_rc 0
expect_out "profil\.ini: imported as profil revision 1"
expect_out "no one has the role \"chef\""

case_ "Latin-1 and UTF-16 files are named"
printf '[framework]\nid = l1\nname = Sj\344lv\nversion = 1\n' >"$TMP/latin1.ini"
run framework import "$TMP/latin1.ini"
expect_rc 1
expect_err "latin1\.ini:3: the file is Latin-1 \(ISO 8859-1 or Windows-1252\), not UTF-8: byte 0xE4 is 'ä' there"
printf '\377\376[\000f\000r\000' >"$TMP/utf16.ini"
run framework import "$TMP/utf16.ini"
expect_rc 1
expect_err "utf16\.ini: the file is UTF-16 \(little-endian\), not UTF-8: save it as UTF-8"

case_ "the database stays sound"
run check
expect_rc 0

finish
