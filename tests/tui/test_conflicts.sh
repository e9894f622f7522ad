#!/bin/sh
# The conflicts of merging laptops: counted on the tab line, listed (M),
# one shown with both sides, answered by taking back what was set aside
# and by keeping what was kept; the count goes down with each answer; a
# sync run beside the open list shows there.
. tests/tui/lib.sh

# Two laptops from one database change the same two people's units
# offline; after a sync through a folder the first lists two conflicts.
two_conflicts() {
	rm -rf "$TMP/b.db" "$TMP/share" "$TMP/cfg"
	rm -f "$DB" "$DB-wal" "$DB-shm"
	mkdir -p "$TMP/share"
	export XDG_CONFIG_HOME="$TMP/cfg"
	"$LUP" --db "$DB" init >/dev/null 2>&1
	"$LUP" --db "$DB" import people "$TOP/tests/data/programme_people.csv" >/dev/null 2>&1
	"$LUP" --db "$DB" sync init --name anna >/dev/null 2>&1
	cp "$DB" "$TMP/b.db"
	printf 'Namn,E-post,Enhet\nAnna Berg,anna.berg@kungsbacka.se,Skola väster\nBjörn Ek,bjorn.ek@kungsbacka.se,Skola norr\n' >"$TMP/a.csv"
	printf 'Namn,E-post,Enhet\nAnna Berg,anna.berg@kungsbacka.se,Skola öster\nBjörn Ek,bjorn.ek@kungsbacka.se,Skola mitt\n' >"$TMP/b.csv"
	"$LUP" --db "$TMP/b.db" sync init --name bo >/dev/null 2>&1
	"$LUP" --db "$DB" import people "$TMP/a.csv" >/dev/null 2>&1
	"$LUP" --db "$TMP/b.db" import people "$TMP/b.csv" >/dev/null 2>&1
	"$LUP" --db "$DB" sync "$TMP/share" >/dev/null 2>&1
	"$LUP" --db "$TMP/b.db" sync "$TMP/share" >/dev/null 2>&1
	"$LUP" --db "$DB" sync "$TMP/share" >/dev/null 2>&1
	[ "$("$LUP" --db "$DB" conflicts 2>/dev/null | wc -l)" -eq 2 ] || { echo "no two conflicts to test with"; exit 1; }
}

for LOC in C.UTF-8 sv_SE.UTF-8; do
	if [ "$LOC" = C.UTF-8 ]; then
		TWO="! 2 conflicts" ONE="! 1 conflict " TITLE="Record" UNIT="Unit" KEPT="Kept" ASIDE="Set aside"
		TAKEN="Taken back;" KEEP_DONE="Kept as it is;" NONE="No open conflicts" LATER="the later change was kept"
		HINT="Take back"
	else
		TWO="! 2 konflikter" ONE="! 1 konflikt " TITLE="Post" UNIT="Enhet" KEPT="Behölls" ASIDE="Lades åt sidan"
		TAKEN="Återtaget;" KEEP_DONE="Behålls som det är;" NONE="Inga öppna konflikter" LATER="den senare ändringen behölls"
		HINT="Ta tillbaka"
	fi
	two_conflicts
	start 100x30
	case_ "the tab line counts the open conflicts"
	wait_for "$TWO"

	case_ "M lists them"
	keys M
	wait_for "$TITLE"
	wait_for "Anna Berg"
	wait_for "Björn Ek"
	wait_for "$UNIT"
	wait_for " bo"

	case_ "one conflict: both sides"
	keys Home
	keys Enter
	wait_for "$KEPT"
	wait_for "$ASIDE"
	wait_for "$LATER"
	wait_for "$HINT"
	check_ 'screen | grep -q "Skola"' "the values are not shown"
	who=$(screen | sed -n 's/.*\(Anna Berg\|Björn Ek\).*/\1/p' | head -1)
	aside=$(screen | sed -n "s/^ *$ASIDE *\(Skola [^ ]*\).*/\1/p" | head -1)
	check_ '[ -n "$aside" ]' "no value set aside on the screen"

	case_ "taking back what was set aside; the count goes down"
	keys 2
	wait_for "$TAKEN"
	wait_for "$ONE"
	wait_gone "$TWO"
	check_ '"$LUP" --db "$DB" person show "$( [ "$who" = "Anna Berg" ] && echo anna.berg || echo bjorn.ek )@kungsbacka.se" | grep -q "$aside"' \
		"$who's unit is not the one taken back ($aside)"

	case_ "keeping the other from the list; no conflicts left"
	keys 1
	wait_for "$KEEP_DONE"
	wait_for "$NONE"
	wait_gone "$ONE"
	check_ '[ -z "$("$LUP" --db "$DB" conflicts 2>/dev/null)" ]' "lup conflicts still lists some"

	case_ "the answers travel: the other laptop has none open after a sync"
	keys q
	keys q
	wait_exit
	"$LUP" --db "$DB" sync "$TMP/share" >/dev/null 2>&1
	"$LUP" --db "$TMP/b.db" sync "$TMP/share" >/dev/null 2>&1
	check_ '[ -z "$("$LUP" --db "$TMP/b.db" conflicts 2>/dev/null)" ]' "the other laptop still lists conflicts"
	check_ '[ "$("$LUP" --db "$DB" sync hash)" = "$("$LUP" --db "$TMP/b.db" sync hash)" ]' "the laptops differ"

	case_ "a sync run beside the open list: the new conflict shows, and the count"
	start 100x30
	keys M
	wait_for "$NONE"
	printf 'Namn,E-post,Enhet\nAnna Berg,anna.berg@kungsbacka.se,Skola syd\n' >"$TMP/b2.csv"
	printf 'Namn,E-post,Enhet\nAnna Berg,anna.berg@kungsbacka.se,Skola nord\n' >"$TMP/a2.csv"
	"$LUP" --db "$TMP/b.db" import people "$TMP/b2.csv" >/dev/null 2>&1
	"$LUP" --db "$DB" import people "$TMP/a2.csv" >/dev/null 2>&1
	"$LUP" --db "$TMP/b.db" sync "$TMP/share" >/dev/null 2>&1
	"$LUP" --db "$DB" sync "$TMP/share" >/dev/null 2>&1
	wait_for "$ONE"
	wait_for "Anna Berg"
	wait_gone "$NONE"
	keys q
	keys q
	wait_exit
done

finish
