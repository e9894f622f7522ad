#!/bin/sh
# The layers hold (DESIGN §4): the core never includes curses, the screens
# hold no SQL and draw no faint text but through the styles, and no two files of the interface need each other except
# through the shell (app.c, which runs the screens, and sections.c, its
# table of sections and overlays): a circle between screens is a screen
# that cannot be understood, tested or moved alone.  The last is read
# from the built objects (which file uses a function another defines).
B=${B:-build}
p=0 f=0
ok() { p=$((p + 1)); }
bad() { f=$((f + 1)); echo "FAIL layers: $*"; }

hits=$(grep -ln 'curses' src/core/*.c src/core/*.h include/lup/*.h 2>/dev/null)
if [ -z "$hits" ]; then ok; else bad "the core names curses: $hits"; fi

hits=$(grep -nE 'sqlite3|"(SELECT|INSERT|UPDATE|DELETE|CREATE) ' src/tui/*.c src/tui/*.h)
if [ -z "$hits" ]; then ok; else bad "SQL in a screen:"; echo "$hits" | head -5; fi

# Faint text (A_DIM) is legible on some terminals only: screens draw
# secondary text in a style of the palettes, which the contrast test checks.
hits=$(grep -n 'A_DIM' src/tui/*.c | grep -v '^src/tui/draw\.c:')
if [ -z "$hits" ]; then ok; else bad "faint text outside the style tables:"; echo "$hits" | head -5; fi

objs=$(ls "$B"/src/tui/*.o 2>/dev/null)
if [ -z "$objs" ]; then
	bad "no objects in $B/src/tui: build first"
else
	# one line a use: "user definer"
	for o in $objs; do
		n=${o##*/}; n=${n%.o}
		[ -f "src/tui/$n.c" ] || continue      # an object left from a removed file
		nm "$o" | awk -v n="$n" '$2 ~ /^[TDBR]$/ { print "D", n, $3 } $1 == "U" { print "U", n, $2 }'
	done | awk '
		$1 == "D" { def[$3] = $2; next }
		{ use[NR] = $2 " " $3 }
		END {
			for (i in use) {
				split(use[i], u, " ")
				d = def[u[2]]
				if (d != "" && d != u[1] && u[1] != "app" && u[1] != "sections" &&
				    d != "app" && d != "sections")
					edge[u[1] " " d] = 1
			}
			for (e in edge) { split(e, x, " "); out[x[1]] = out[x[1]] " " x[2]; nodes[x[1]] = 1 }
			# a file in a circle reaches itself
			for (a in nodes) {
				delete seen; n = 0; stack[++n] = a
				while (n > 0) {
					v = stack[n--]
					k = split(out[v], next_, " ")
					for (j = 1; j <= k; j++) {
						w = next_[j]
						if (w == a) { print a " -> " v " -> " a; break }
						if (!(w in seen)) { seen[w] = 1; stack[++n] = w }
					}
				}
			}
		}' >"$B/layers.cycles"
	if [ -s "$B/layers.cycles" ]; then
		bad "files of the interface that need each other (a -> … -> a):"
		sort "$B/layers.cycles" | head -10
	else
		ok
	fi
fi
echo "layers: $p passed, $f failed"
[ "$f" -eq 0 ]
