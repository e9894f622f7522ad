#!/bin/sh
# lup report in text, Markdown and HTML on the programme fixture, whose
# every figure is known (tests/unit/test_report.c has the arithmetic).
. tests/cli/lib.sh
D="$TOP/tests/data"
DB="$TMP/r.db"
newdb "$DB"
"$LUP" --db "$DB" import people "$D/programme_people.csv" 2>/dev/null
sqlite3 "$DB" <"$D/programme.sql"

case_ "text"
run --db "$DB" report --as-of 2016-06-01
expect_rc 0
expect_out "^As of 2016-06-01\. lup holds 8 people, 8 of them active\."
expect_out "^Target +10 *$"
expect_out "^Reached \(enrolled or completed\) +5 +50\.0 %"
expect_out "^Completed +3 +30\.0 %"
expect_out "^On the waiting list +1"
# a table wider than 80 columns continues below, with the cohort again
expect_out "^Pilot Halland +done +2014-03-01 +2014-06-30 +2 of 3: 1, 2 +4 +0$"
expect_out "^Pilot Halland +3 +0 +1 +5/5 +80\.0 %$"
# five sessions, two held: the rate is over those two; the marks made on a
# session still to come (as an older lup let through) count nowhere
expect_out "^Omgång 1 +running +2016-05-01 +2016-09-30 +2 of 3: 1, 2 +2 +2$"
expect_out "^Omgång 1 +0 +1 +0 +2/5 +75\.0 %$"
expect_out "^1 Utvecklande ledarskap +2/2 +6/8 +76\.5 % +5$"
expect_out "^1 Utvecklande ledarskap +3 +2 +66\.7 %$"
expect_out "^2 Aktivitetsbaserat arbetssätt +2/2 +1/2 +100\.0 % +5$"
expect_out "^2 Aktivitetsbaserat arbetssätt +3 +2 +66\.7 %$"
# the block no cohort runs: neither met nor missed
expect_out "^3 E-förvaltning +0/2 +0/0 +– +0$"
expect_out "^3 E-förvaltning +0 +0 +–$"
expect_out "^Nacka kommun +1 +1 +2 +0$"
expect_out "^Swedbank \(not in the register\) +0 +0 +0 +1$"
expect_out "^Excused \(not in the rate\) +2"
expect_out "^Attendance rate +78\.9 %"
expect_out "^completed +1"
expect_out "^Denmark +2 +0 +0 +1 +1 +0 +5"
expect_out "^1 Information and data literacy +2 +2\.75 +4\.00 +\+1\.25"
expect_out "^2 Communication and collaboration +1 +1\.00 +3\.00 +\+2\.00"
# paragraphs wrap between words
expect_out "^Of 5 participants, 2 are overdue for a check-in"
expect_out "and 2 have none yet\.$"
check_ '[ "$(LC_ALL=C.UTF-8 wc -L <"$OUT")" -le 80 ]' "the text report is wider than 80 columns"

case_ "--wide: 120 columns"
run --db "$DB" report --as-of 2016-06-01 --wide
expect_rc 0
expect_out "^Pilot Halland +done +2014-03-01 +2014-06-30 +2 of 3: 1, 2 +4 +0 +3 +0 +1 +5/5$"
w=$(LC_ALL=C.UTF-8 wc -L <"$OUT")
check_ '[ "$w" -le 120 ] && [ "$w" -gt 80 ]' "--wide makes the report $w columns wide, not up to 120"

case_ "on a terminal: the terminal's width"
for cols in 60 100; do
	script -qec "stty cols $cols rows 40; '$LUP' --db '$DB' report --as-of 2016-06-01" /dev/null 2>&1 |
		tr -d '\r' >"$OUT"
	w=$(LC_ALL=C.UTF-8 wc -L <"$OUT")
	check_ 'grep -q "^Pilot Halland" "$OUT" && [ "$w" -le "$cols" ] && [ "$w" -gt $((cols - 20)) ]' \
		"on a terminal of $cols columns the report is $w columns wide"
done

case_ "Markdown"
run --db "$DB" report --as-of 2016-06-01 --format md
expect_rc 0
expect_out "^# Programme progress"
expect_out "^## By cohort"
expect_out "^\| Pilot Halland \| done \| 2014-03-01 \| 2014-06-30 \| 2 of 3: 1, 2 \| 4 \| 0 \| 3 \| 0 \| 1 \| 5/5 \| 80\.0 % \|$"
expect_out "^\| Omgång 1 \| running \| 2016-05-01 \| 2016-09-30 \| 2 of 3: 1, 2 \| 2 \| 2 \| 0 \| 1 \| 0 \| 2/5 \| 75\.0 % \|$"
expect_out "^\| 3 E-förvaltning \| 0/2 \| 0/0 \| – \| 0 \| 0 \| 0 \| – \|$"
expect_out "^\| Nacka kommun \| 1 \| 1 \| 2 \| 0 \|$"
expect_out "^\| Reached \(enrolled or completed\) \| 5 \| 50\.0 % \|$"

case_ "HTML: one file, charts inline, nothing fetched, prints well"
run --db "$DB" report --as-of 2016-06-01 --format html -o "$TMP/report.html"
expect_rc 0
expect_err "written to"
cp "$TMP/report.html" "$OUT"
expect_out "^<!DOCTYPE html>"
expect_out "<svg xmlns=\"http://www.w3.org/2000/svg\""
expect_out "@media print"
expect_out "<td class=\"n\">78\.9&nbsp;%</td>"
expect_out "<td>Pilot Halland</td><td>done</td>"
expect_out "<td>Omgång 1</td><td>running</td><td><span class=\"nw\">2016-05-01</span></td><td><span class=\"nw\">2016-09-30</span></td><td>2 of 3: 1, 2</td>.*<td class=\"n\">2/5</td><td class=\"n\">75\.0&nbsp;%</td>"
expect_out "<td>3 E-förvaltning</td><td class=\"n\">0/2</td>"
expect_out "<td>Nacka kommun</td><td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n\">2</td>"
expect_no_out "<script|src=|href=|url\(|@import"
check_ '[ "$(stat -c %a "$TMP/report.html")" = 600 ]' "the report is not private"

case_ "Swedish"
if locale -a 2>/dev/null | grep -qi '^sv_SE\.utf-\?8$'; then
	LC_ALL=sv_SE.UTF-8 run --db "$DB" report --as-of 2016-06-01
	expect_rc 0
	expect_out "^Nådda \(antagna eller genomförda\) +5 +50,0 %"
	expect_out "^1 Informations- och datakunskap"
	check_ '[ "$(LC_ALL=C.UTF-8 wc -L <"$OUT")" -le 80 ]' "the Swedish text report is wider than 80 columns"
fi

case_ "later: every session held, the early marks count, the cohort is done"
run --db "$DB" report --as-of 2016-12-01
expect_rc 0
expect_out "^Omgång 1 +done +2016-05-01 +2016-09-30 +2 of 3: 1, 2 +2 +2$"
expect_out "^Omgång 1 +0 +1 +0 +5/5 +66\.7 %$"
expect_out "^Swedbank \(not in the register\) +1 +1 +0 +0$"

case_ "usage errors exit 2"
run --db "$DB" report --format pdf
expect_rc 2
run --db "$DB" report --as-of
expect_rc 2
run --db "$DB" report extra
expect_rc 2
run --db "$DB" report --as-of 2016-02-30
expect_rc 1

finish
