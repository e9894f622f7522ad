#!/bin/sh
# Extract the messages from the sources and merge them into every .po file
# (new ones arrive untranslated; tests/po.sh fails until they are done).
set -eu
mkdir -p build/po
xgettext --from-code=UTF-8 -k_ -kN_ -kC_:1c,2 --add-comments=/ --package-name=lup \
	-o build/po/lup.pot src/core/*.c src/tui/*.c src/cli/*.c
for po in share/lup/po/*.po; do
	msgmerge -q --no-fuzzy-matching --no-wrap --update --backup=none "$po" build/po/lup.pot
done
