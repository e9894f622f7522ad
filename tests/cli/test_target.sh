#!/bin/sh
# lup target: a role's and a person's targets, roles matched however HR
# writes them (case, å ä ö, é); lup round and lup person profile.
. tests/cli/lib.sh
export LUP_DATADIR="$TOP/share/lup"

run init
cat >"$TMP/people.csv" <<'CSV'
Namn,E-post,Roll,Enhet
Åsa Öberg,asa.oberg@example.se,Äldreomsorgschef,Äldreomsorg Norr
Örjan Ek,orjan.ek@example.se,ÄLDREOMSORGSCHEF,äldreomsorg norr
Bo Alm,,handläggare,Äldreomsorg Norr
Cia Berg,cia.berg@example.se,Rektor,Skola
CSV
run import people "$TMP/people.csv"
cat >"$TMP/omsorg.ini" <<'INI'
[framework]
id = omsorg
name = Omsorgens chefer
version = 1
level_max = 5
[level 3]
name = Kompetent
[area L]
name = Ledarskap
[competence L.1]
area = L
name = Leda förändring
[competence L.2]
area = L
name = Ekonomi
[targets äldreomsorgschef]
L.1 = 4
L.2 = 3
[targets réktor]
L.1 = 3
[targets enhetchef]
L.1 = 2
INI

case_ "import: roles no one has are named, the others match however written"
run framework import "$TMP/omsorg.ini"
expect_rc 0
expect_out "no one has the role \"enhetchef\""
expect_no_out "no one has the role \"äldreomsorgschef\""
expect_no_out "no one has the role \"réktor\""

case_ "roles and how many have each"
run target roles --framework omsorg
expect_rc 0
expect_out "äldreomsorgschef +2 targets, 2 people have the role"
expect_out "réktor +1 target, 1 person has the role"
expect_out "enhetchef +1 target, no one has the role"

case_ "a person's targets: their role's, however written"
run target list --person orjan.ek@example.se --framework omsorg
expect_rc 0
expect_out "^Targets of Örjan Ek in omsorg"
expect_out "^L\.1 +Leda förändring +1-5 +4 +- "
run target list --person cia.berg@example.se --framework omsorg
expect_out "^L\.1 +Leda förändring +1-5 +3 +- "

case_ "a person's own target wins; unset brings the role's back"
run target set --person asa.oberg@example.se --framework omsorg L.1=5 l.2=4
expect_rc 0
expect_out "Åsa Öberg, omsorg L\.1: 5"
run target list --person asa.oberg@example.se --framework omsorg
expect_out "^L\.1 +Leda förändring +1-5 +4 +5 "
expect_out "^L\.2 +Ekonomi +1-5 +3 +4 "
run target unset --person asa.oberg@example.se --framework omsorg L.2
expect_rc 0
run target list --person asa.oberg@example.se --framework omsorg
expect_out "^L\.2 +Ekonomi +1-5 +3 +- "
run target history --person asa.oberg@example.se --framework omsorg
expect_rc 0
expect_out "L\.1 +r1 +5 +[0-9]{4}-[0-9]{2}-[0-9]{2} – $"

case_ "all or nothing: one bad target changes none"
run target set --role Äldreomsorgschef --framework omsorg L.1=2 L.2=9
expect_rc 1
expect_err "L\.2: level 9 lies outside the levels 1-5 of L\.2"
expect_err "nothing was changed"
run target list --role ÄLDREOMSORGSCHEF --framework omsorg
expect_out "^L\.1 +Leda förändring +1-5 +4 "

case_ "the framework a role is assessed on ([frameworks] in lup.ini)"
printf '[frameworks]\nÄldreomsorgschef = omsorg\n' >"$TMP/lup.ini"
run --config "$TMP/lup.ini" target list --person orjan.ek@example.se
expect_rc 0
expect_out "^Targets of Örjan Ek in omsorg"
run target list --person orjan.ek@example.se
expect_rc 1
expect_err "the framework 'digcomp' has not been imported"

case_ "usage"
run target list --framework omsorg
expect_rc 2
expect_err "for whom\\? give --role ROLE or --person REF"
run target set --role x
expect_rc 2
run target frob
expect_rc 2

case_ "a round for a unit, however written, and its invite list"
run --config "$TMP/lup.ini" round start --unit "ÄLDREOMSORG NORR" --all --invite "$TMP/invites.csv"
expect_rc 0
expect_out "self-assessment · ÄLDREOMSORG NORR · [0-9-]+: 2 asked \(2 new drafts, 0 open drafts joined\)"
expect_err "1 person left out: their framework is not imported"
expect_err "2 people on the list, written to"
check_ '[ "$(cat "$TMP/invites.csv")" = "$(printf "name,email,unit,role\r\nÅsa Öberg,asa.oberg@example.se,Äldreomsorg Norr,Äldreomsorgschef\r\nÖrjan Ek,orjan.ek@example.se,äldreomsorg norr,ÄLDREOMSORGSCHEF\r")" ]' \
	"the invite list is not what was expected: $(cat "$TMP/invites.csv")"
run round list
expect_rc 0
expect_out "0 of 2 done"
run round show "self-assessment · äldreomsorg norr · $(date +%F)"
expect_rc 0
expect_out "Åsa Öberg +draft +asa\.oberg@example\.se"

case_ "a competence profile"
run --config "$TMP/lup.ini" person profile asa.oberg@example.se -o "$TMP/profile.html"
expect_rc 0
check_ 'grep -q "<h1>Competence profile: Åsa Öberg</h1>" "$TMP/profile.html"' "no heading in the profile"
check_ 'grep -q "Leda förändring" "$TMP/profile.html"' "no competence in the profile"
check_ 'grep -q "The framework their role is assessed on" "$TMP/profile.html"' "the profile does not say it is theirs"

case_ "the database stays sound"
run check
expect_rc 0

finish
