# lup — leadership-development programmes in a terminal.
# `make` builds ./lup; `make run` opens it on a demo database; `make check`
# runs every test suite.  See README.md.

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR    = $(PREFIX)/bin
DATADIR   = $(PREFIX)/share
LUPDATA   = $(DATADIR)/lup
LOCALEDIR = $(DATADIR)/locale
MANDIR    = $(DATADIR)/man

B        ?= build
LUP      ?= ./lup
CC       ?= cc
CFLAGS   ?= -O2 -g
PKGS      = ncursesw sqlite3 libical cairo cairo-pdf pangocairo libsodium
# librsvg reads SVG logos; it is opened when a document has one (doc_render.c),
# so only its header is needed here and lup starts as fast without it.
PKGS_HEADERS = librsvg-2.0

WARN = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wformat=2 -Wno-format-nonliteral
ifeq ($(CI),true)
WARN += -Werror
endif

DEFS = -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -DNCURSES_WIDECHAR=1 \
       -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_PREUPDATE_HOOK \
       -DLUP_VERSION='"$(VERSION)"' -DLUP_DATADIR='"$(LUPDATA)"' \
       -DLUP_LOCALEDIR='"$(LOCALEDIR)"'
PKG_CFLAGS  := $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS) $(PKGS_HEADERS)))
ALL_CPPFLAGS = -Iinclude -Isrc $(DEFS) $(PKG_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS   = $(WARN) $(CFLAGS)
PKG_LIBS := $(shell pkg-config --libs $(PKGS))
LIBS = $(PKG_LIBS) -liniparser -lcsv -lm -pthread

CORE_SRC = $(sort $(wildcard src/core/*.c))
TUI_SRC  = $(sort $(wildcard src/tui/*.c))
CLI_SRC  = $(sort $(wildcard src/cli/*.c))
CORE_OBJ = $(CORE_SRC:%.c=$(B)/%.o)
TUI_OBJ  = $(TUI_SRC:%.c=$(B)/%.o)
CLI_OBJ  = $(CLI_SRC:%.c=$(B)/%.o)
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz_*.c))

PO       = $(wildcard share/lup/po/*.po)
MO       = $(PO:share/lup/po/%.po=$(B)/locale/%/LC_MESSAGES/lup.mo)
MAN      = $(wildcard man/*.[0-9])

.PHONY: all deps run check check-suites unit asan fuzz fuzz-long faults crash bench sync-soak install uninstall clean pot screenshots
all: $(LUP) $(MO)

$(LUP): $(CLI_OBJ) $(B)/libluptui.a $(B)/liblupcore.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(B)/libluptui.a $(B)/liblupcore.a $(LIBS)

$(B)/liblupcore.a: $(CORE_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(B)/libluptui.a: $(TUI_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/tests/%: tests/unit/%.c $(B)/libluptui.a $(B)/liblupcore.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -MMD -MP -o $@ $< $(B)/libluptui.a $(B)/liblupcore.a $(LIBS) -lcmocka

# The convergence test of merging laptops (tests/sync/converge.c): a
# quick run is part of make check, the long one is make sync-soak.
$(B)/tests/sync-converge: tests/sync/converge.c $(B)/liblupcore.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(B)/liblupcore.a $(LIBS)

SOAK_SEEDS ?= 200
sync-soak: $(B)/tests/sync-converge
	$(B)/tests/sync-converge --seeds $(SOAK_SEEDS) --replicas 4 --rounds 4 --edits 50
	$(B)/tests/sync-converge --seeds 0 --exhaustive 2,2,2

$(B)/locale/%/LC_MESSAGES/lup.mo: share/lup/po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# Objects that compile in the installation paths are rebuilt when PREFIX
# changes, so `make install PREFIX=/usr` installs a binary that looks there.
$(B)/prefix.stamp: FORCE
	@mkdir -p $(B)
	@echo '$(PREFIX)' | cmp -s - $@ || echo '$(PREFIX)' >$@
$(B)/src/core/paths.o $(B)/src/core/i18n.o: $(B)/prefix.stamp
.PHONY: FORCE
FORCE:

-include $(CORE_OBJ:.o=.d) $(TUI_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_BIN:=.d)

deps:
	@sh scripts/deps.sh

# The demo database lives in the build folder and is made on the first run.
$(B)/demo.db: | $(LUP)
	$(LUP) --db $@ demo

# run and check first make sure the build and test tools are there (a quick
# look when they are), so a fresh machine needs nothing else typed.
run:
	@sh scripts/deps.sh
	@$(MAKE) --no-print-directory all $(B)/demo.db
	$(LUP) --db $(B)/demo.db

unit: $(UNIT_BIN)
	@sh tests/run-unit.sh $(UNIT_BIN)

check:
	@sh scripts/deps.sh
	@$(MAKE) --no-print-directory check-suites

check-suites: all $(UNIT_BIN) $(B)/tests/sync-converge $(B)/tests/libfault.so $(B)/tests/libfaultlup.so
	@LUP=$(LUP) B=$(B) sh tests/check.sh $(UNIT_BIN)

# The same suites under AddressSanitizer and UBSan, in a build of their own.
asan:
	LSAN_OPTIONS="suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0" \
	$(MAKE) B=build-asan LUP=build-asan/lup \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined" check

# libFuzzer harnesses, built with clang; `make check` runs them over their
# seed corpora, `make fuzz FUZZ_SECONDS=60` explores.
FUZZ_SECONDS ?= 30
FUZZ_CFLAGS = -std=c11 -g -O1 -fsanitize=fuzzer-no-link,address,undefined
FUZZ_OBJ = $(CORE_SRC:%.c=$(B)/fuzz/obj/%.o)
$(B)/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	clang $(ALL_CPPFLAGS) $(FUZZ_CFLAGS) -c -o $@ $<
$(B)/fuzz/libcore.a: $(FUZZ_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^
$(B)/fuzz/%: tests/fuzz/%.c $(B)/fuzz/libcore.a
	@mkdir -p $(dir $@)
	clang $(ALL_CPPFLAGS) -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
	  -o $@ $< $(B)/fuzz/libcore.a $(LIBS)
fuzz: $(FUZZ_SRC:tests/fuzz/%.c=$(B)/fuzz/%)
	@export LSAN_OPTIONS="suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0"; \
	for f in $^; do n=$${f##*/}; mkdir -p $(B)/fuzz/corpus-$$n; \
	  echo "fuzz: $$n for $(FUZZ_SECONDS)s"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) $(B)/fuzz/corpus-$$n tests/fuzz/seed/$${n#fuzz_} || exit 1; done

# make fuzz-long: each harness longer (FUZZ_LONG_SECONDS, 600 unless
# said); what they find is minimised into tests/fuzz/corpus/, which the
# fuzz stage of make check replays.
fuzz-long: $(FUZZ_SRC:tests/fuzz/%.c=$(B)/fuzz/%)
	@B=$(B) sh tests/fuzz/long.sh

# Fault injection: a shim (tests/faults/fault.c) that fails the Nth write,
# sync or truncation of a command, or its Nth allocation (SQLite's or lup's
# own).  make check sweeps a spread of N over
# each writing command, make faults every N; make crash kills writing
# commands at random moments, 100 times.
$(B)/tests/libfault.so: tests/faults/fault.c
	@mkdir -p $(dir $@)
	$(CC) -shared -fPIC -O1 -g $(shell pkg-config --cflags sqlite3) -o $@ $< -ldl $(shell pkg-config --libs sqlite3)
$(B)/tests/libfaultlup.so: tests/faults/fault.c
	@mkdir -p $(dir $@)
	$(CC) -shared -fPIC -O1 -g -DLUP_FAULT_LUPALLOC $(shell pkg-config --cflags sqlite3) -o $@ $< -ldl $(shell pkg-config --libs sqlite3)
faults: all $(B)/tests/libfault.so $(B)/tests/libfaultlup.so
	@LUP=$(LUP) B=$(B) sh tests/faults/sweep.sh full
crash: all
	@LUP=$(LUP) B=$(B) sh tests/faults/crash.sh

# Screenshots of the real binary in xterm under a virtual X server, dark
# and light, into doc/screenshots (not part of check: they need X).
screenshots: all
	@sh scripts/deps.sh screenshots
	LUP=$(LUP) OUT=doc/screenshots sh scripts/screenshots.sh

bench: all
	@LUP=$(LUP) B=$(B) sh tests/bench/run.sh

pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -kC_:1c,2 -c/ --package-name=lup \
	  --package-version=$(VERSION) -o $(B)/lup.pot $(CORE_SRC) $(TUI_SRC) $(CLI_SRC) $(wildcard include/lup/*.h)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LUPDATA)/frameworks $(DESTDIR)$(LUPDATA)/documents \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 $(LUP) $(DESTDIR)$(BINDIR)/lup
	install -m 644 share/lup/lup.ini $(DESTDIR)$(LUPDATA)/lup.ini
	for f in share/lup/frameworks/*.ini; do [ -e "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(LUPDATA)/frameworks/; done; true
	install -m 644 share/lup/documents/*.txt $(DESTDIR)$(LUPDATA)/documents/
	install -m 644 man/*.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 man/*.5 $(DESTDIR)$(MANDIR)/man5/
	# translated pages: man/LANG/ goes to the locale's man folder, MANDIR/LANG/manN
	for f in man/*/*.[0-9]; do [ -e "$$f" ] || continue; l=$${f#man/}; l=$${l%%/*}; \
	  s=$${f##*.}; install -d $(DESTDIR)$(MANDIR)/$$l/man$$s; \
	  install -m 644 "$$f" $(DESTDIR)$(MANDIR)/$$l/man$$s/; done
	for m in $(MO); do l=$${m#$(B)/locale/}; l=$${l%%/*}; \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
	  install -m 644 $$m $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/lup.mo; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/lup $(DESTDIR)$(MANDIR)/man1/lup.1 $(DESTDIR)$(MANDIR)/man1/lup-sync.1 \
	  $(DESTDIR)$(MANDIR)/man5/lup.ini.5 $(DESTDIR)$(MANDIR)/man5/lup-framework.5 \
	  $(DESTDIR)$(MANDIR)/man5/lup-documents.5
	for f in man/*/*.[0-9]; do [ -e "$$f" ] || continue; l=$${f#man/}; l=$${l%%/*}; \
	  rm -f $(DESTDIR)$(MANDIR)/$$l/man$${f##*.}/$${f##*/}; done
	rm -rf $(DESTDIR)$(LUPDATA)
	rm -f $(DESTDIR)$(LOCALEDIR)/*/LC_MESSAGES/lup.mo

clean:
	rm -rf build build-asan lup
