#!/bin/sh
# lup framework list | import | show
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
expect_out "^    L\.1 +Leading digital change +3-8$"
expect_out "^    3\.4 +Programming +1-8  \(retired\)"
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
expect_rc 1
expect_err "^lup: framework: no framework matches 'nosuch'"
run framework show digcomp@9
expect_rc 1
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
expect_err "no subcommand 'frobnicate'"
run framework import
expect_rc 2
run framework show
expect_rc 2
run framework list extra
expect_rc 2

case_ "the database stays sound"
run check
expect_rc 0

finish
