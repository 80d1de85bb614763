# kennzahl: one hand-written Makefile. `make` builds ./kennzahl; see README for the targets.

CC      ?= cc
PKGS    := gsl cairo pangocairo poppler-glib xlsxwriter sqlite3
VERSION := 0.1.0

WARN    := -Wall -Wextra -Wpedantic -Wstrict-prototypes -Wmissing-prototypes \
           -Wwrite-strings -Wvla -Wshadow -Wno-overlength-strings
CFLAGS  ?= -O2 -g
ifdef DEVELOPER
CFLAGS  += -Werror
endif
ifdef FUZZ
# libFuzzer (make fuzz): clang, coverage for the fuzzer in every object; harnesses link -fsanitize=fuzzer.
CC      := clang
CFLAGS  += -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
BUILD   := build/fuzz
else ifdef SANITIZE
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
BUILD   := build/san
else
BUILD   := build/rel
endif

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS  = -std=c11 -pthread -D_DEFAULT_SOURCE -D_GNU_SOURCE $(WARN) $(CFLAGS) \
              -I. -I$(BUILD) $(PKG_CFLAGS) -DKZ_VERSION='"$(VERSION)"' -MMD -MP
LIBS        = $(PKG_LIBS) -lcsv -lm -pthread

LIB_SRC  := $(sort $(wildcard core/*.c extract/*.c stats/*.c plots/*.c reports/*.c store/*.c))
CMD_SRC  := main.c $(sort $(wildcard cmd_*.c))
DATA     := $(sort $(wildcard data/*.tsv))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/data_gen.o
CMD_OBJ  := $(CMD_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/bin/%)
FUZZ_SECONDS ?= 60
TOOLS    := $(BUILD)/tools/eval $(BUILD)/tools/gencorpus $(BUILD)/tools/runstat $(BUILD)/tools/mkpdf $(BUILD)/tools/gencheck

ifdef SANITIZE
PROG := $(BUILD)/kennzahl
else
PROG := kennzahl
endif

# make install: the binary and its manual page (everything else is built in); PREFIX, DESTDIR as usual.
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man

.PHONY: all deps check check-unit check-grammar check-golden demo bench eval fuzz clean format tools install uninstall

all: $(PROG)

deps:
	@sh tools/deps.sh

$(PROG): $(CMD_OBJ) $(BUILD)/libkz.a
	$(CC) $(LDFLAGS) -o $@ $(CMD_OBJ) $(BUILD)/libkz.a $(LIBS)

$(BUILD)/libkz.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The build id: a hash of what extraction is made of (its code and data), so that the store's cache
# of an older build is not taken for this one's (cmd_run.c includes it).
EXTRACT_SRC := $(sort $(wildcard core/*.c core/*.h extract/*.c extract/*.h)) $(DATA)
$(BUILD)/build_id.h: $(EXTRACT_SRC)
	@mkdir -p $(dir $@)
	@printf '#define KZ_BUILD_ID "%s"\n' "$$(cat $(EXTRACT_SRC) | sha256sum | cut -c1-16)" > $@.tmp && mv $@.tmp $@
$(BUILD)/cmd_run.o: $(BUILD)/build_id.h

# Lexicons and reference data are compiled into the binary.
$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O1 -Wall -o $@ $<

$(BUILD)/data_gen.c: $(BUILD)/tools/embed $(DATA)
	$(BUILD)/tools/embed $(DATA) > $@.tmp && mv $@.tmp $@

$(BUILD)/data_gen.o: $(BUILD)/data_gen.c
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c tests/unit/t.h $(BUILD)/libkz.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libkz.a $(LIBS)

$(BUILD)/tools/%: tools/%.c $(BUILD)/libkz.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libkz.a $(LIBS)

tools: $(TOOLS)

# One libFuzzer harness per reader (tests/fuzz/fuzz_*.c), built only in the FUZZ=1 build.
ifdef FUZZ
build/fuzz/bin/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(BUILD)/libkz.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -fsanitize=fuzzer -o $@ $< $(BUILD)/libkz.a $(LIBS)
endif

check: deps
	@$(MAKE) --no-print-directory $(PROG) $(UNIT_BIN) $(TOOLS)
	@KZ=$(PROG) BUILD=$(BUILD) sh tests/run.sh

demo: deps
	@$(MAKE) --no-print-directory $(PROG)
	@sh tools/demo.sh ./$(PROG)

fuzz: deps
	@$(MAKE) --no-print-directory FUZZ=1 $(FUZZ_BIN) build/fuzz/tools/mkpdf
	@BUILD=build/fuzz sh tools/fuzz.sh $(FUZZ_SECONDS)

eval: $(PROG) $(BUILD)/tools/eval
	@sh tools/eval.sh ./$(PROG) $(BUILD)/tools/eval

bench: $(PROG) $(TOOLS)
	@sh tools/bench.sh ./$(PROG) $(BUILD)/tools/gencorpus

install: $(PROG)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(PROG) $(DESTDIR)$(BINDIR)/kennzahl
	install -m 644 kennzahl.1 $(DESTDIR)$(MANDIR)/man1/kennzahl.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kennzahl $(DESTDIR)$(MANDIR)/man1/kennzahl.1

format:
	clang-format -i $(LIB_SRC) $(CMD_SRC) $(UNIT_SRC) core/*.h extract/*.h stats/*.h plots/*.h reports/*.h store/*.h tools/*.c

clean:
	rm -rf build kennzahl out

-include $(shell find build -name '*.d' 2>/dev/null)
