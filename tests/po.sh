#!/bin/sh
# The Swedish translation is complete: every message in the sources has a
# translation, none fuzzy, and msgfmt accepts the file.
B=${B:-build}
mkdir -p "$B/po"
p=0 f=0
xgettext --from-code=UTF-8 -k_ -kN_ -kC_:1c,2 --add-comments=/ --package-name=lup \
	-o "$B/po/lup.pot" src/core/*.c src/tui/*.c src/cli/*.c 2>"$B/po/xgettext.err" ||
	{ cat "$B/po/xgettext.err"; echo "po: 0 passed, 1 failed"; exit 1; }
for po in share/lup/po/*.po; do
	lang=${po##*/}; lang=${lang%.po}
	if msgfmt --check -o /dev/null "$po" 2>"$B/po/$lang.err"; then p=$((p + 1)); else
		f=$((f + 1)); echo "FAIL $po: msgfmt --check"; head -20 "$B/po/$lang.err"; fi
	msgmerge -q --no-fuzzy-matching -o "$B/po/$lang.merged.po" "$po" "$B/po/lup.pot"
	stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$B/po/$lang.merged.po" 2>&1)
	case "$stats" in
	*untranslated*|*fuzzy*)
		f=$((f + 1)); echo "FAIL $po is incomplete: $stats"
		msgattrib --untranslated --no-obsolete "$B/po/$lang.merged.po" | grep '^msgid' | head -30 ;;
	*) p=$((p + 1)) ;;
	esac
	# No message left in the .po that the sources no longer use.
	obs=$(msgattrib --only-obsolete "$B/po/$lang.merged.po" | grep -c '^#~ msgid' || true)
	if [ "$obs" -eq 0 ]; then p=$((p + 1)); else
		echo "note: $po has $obs messages the sources no longer use"; p=$((p + 1)); fi
done
echo "po: $p passed, $f failed"
[ "$f" -eq 0 ]
