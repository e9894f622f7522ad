#!/bin/sh
# Install what lup needs to build and test, with apt-get; do nothing when
# everything is already present.  Run as root (or through sudo).
# `deps.sh screenshots` also installs what `make screenshots` needs: a
# virtual X server, xterm, ImageMagick and faketime.
set -eu

extra=""
[ "${1:-}" != screenshots ] || extra="xvfb xterm imagemagick faketime"

pkgs="$extra build-essential pkgconf clang libncurses-dev libsqlite3-dev sqlite3
libiniparser-dev libcmocka-dev libical-dev libcsv-dev uthash-dev libsodium-dev gettext tmux mandoc
locales python3 python3-icalendar hyperfine
libcairo2-dev libpango1.0-dev librsvg2-dev fonts-dejavu-core poppler-utils chromium"

missing=""
for p in $pkgs; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$st" in
	"install ok installed") ;;
	*) missing="$missing $p" ;;
	esac
done

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo

if [ -n "$missing" ]; then
	echo "deps: installing:$missing"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# The Swedish locale, for the translated screens and their tests.
if ! locale -a 2>/dev/null | grep -qi '^sv_SE\.utf-\?8$'; then
	echo "deps: generating sv_SE.UTF-8"
	if [ -f /etc/locale.gen ]; then
		$SUDO sed -i 's/^# *\(sv_SE\.UTF-8 UTF-8\)/\1/' /etc/locale.gen
		grep -q '^sv_SE\.UTF-8 UTF-8' /etc/locale.gen ||
			echo 'sv_SE.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
		$SUDO locale-gen >/dev/null
	else
		$SUDO localedef -i sv_SE -f UTF-8 sv_SE.UTF-8
	fi
fi
exit 0
