# The two commands in the README: `make demo` and `make test`. Each does its own set-up.
SWIFT ?= swift
EXAMPLE ?= Registers/community-safety-leiden.yaml
# Where `make install` puts bin/riskreg.
PREFIX ?= /usr/local

.PHONY: setup demo test build release install uninstall sanitize memory-check clean examples browser-check

setup:
	@./scripts/setup

# The test build. Release mode: the statistical tests simulate millions of trials, which a debug
# build runs tens of times slower; -enable-testing keeps @testable imports working. The test
# targets themselves are compiled unoptimised (Package.swift): the simulations they check run in
# the libraries, and optimising the test code took half the CPU time of a clean build. `make demo`
# runs this build's riskreg too, so the libraries compile once for both (only the riskreg module
# is rebuilt when switching, as `swift test` builds executables for testing differently).
TEST_BUILD = -c release -Xswiftc -enable-testing $(if $(JOBS),--jobs $(JOBS))

# How many compile jobs the build runs at once; empty for SwiftPM's default, one per core. CI sets
# it (.ci/run). Left at the default here because the number is part of every compile command, so
# a build with another number (a plain `swift build`) would recompile every module.
JOBS ?=

# The binary to ship carries the Swift runtime and Foundation inside it (statically linked): it
# runs on a machine with no Swift toolchain, starts faster and takes less memory. It is built in
# its own folder so that it and the test build never rebuild each other, and without
# -enable-testing, which exports every internal symbol for tests.
RELEASE_BUILD = -c release --static-swift-stdlib --scratch-path .build-static
RELEASE_BINARY = .build-static/release/riskreg

demo: setup
	@$(SWIFT) build $(TEST_BUILD) --product riskreg
	.build/release/riskreg score $(EXAMPLE)

# Prints build problems, failures and the closing summary line (scripts/test says what it drops);
# RISKREG_TEST_VERBOSE=1 make test prints every test as it runs.
test: setup
	@./scripts/test $(TEST_BUILD) --disable-xctest

build: setup
	$(SWIFT) build

release: setup
	@$(SWIFT) build $(RELEASE_BUILD) --product riskreg
	@echo "the binary is $(RELEASE_BINARY)"

# Rebuilt only when a source is newer, so `make release` followed by `sudo make install` copies
# without building as root.
$(RELEASE_BINARY): Package.swift Package.resolved $(shell find Sources -name '*.swift')
	@./scripts/setup
	@$(SWIFT) build $(RELEASE_BUILD) --product riskreg

# The self-contained binary into $(PREFIX)/bin: `make install PREFIX=$HOME/.local`, or
# `make release && sudo make install` for /usr/local.
install: $(RELEASE_BINARY)
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 $(RELEASE_BINARY) "$(DESTDIR)$(PREFIX)/bin/riskreg"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/riskreg"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/riskreg"

# The tests again under the sanitizers (docs/sanitizers.md): ThreadSanitizer over the engine and
# scoring tests, AddressSanitizer over the YAML, loader, import, scoring and reporting tests.
# Optimised like the test build, but with assertions kept (-assert-config Debug), so the
# invariants the engine's unsafe code relies on are checked too. Each sanitizer builds in its
# own folder.
SANITIZE_BUILD = $(TEST_BUILD) -Xswiftc -assert-config -Xswiftc Debug --disable-xctest
sanitize: setup
	@./scripts/test $(SANITIZE_BUILD) --sanitize=thread --scratch-path .build-tsan \
		--filter 'MonteCarloTests|ScoringTests'
	@./scripts/test $(SANITIZE_BUILD) --sanitize=address --scratch-path .build-asan \
		--filter 'YAMLNodesTests|RegisterLoaderTests|SpreadsheetsTests|ScoringTests|ReportingTests'

clean:
	rm -rf .build .build-static .build-tsan .build-asan

# docs/examples/: board and community reports for every register in Registers/ (a test checks
# they are up to date).
examples: setup
	./scripts/generate-examples

# Opens every example HTML report, and the reports of a register of hostile long text
# (scripts/long-text-register), in headless Chromium at desktop and phone widths and on A4;
# fails on any CSP violation or console error, on a page wider than a 390 px phone, on chart text
# under 11 px, cut off or overlapping, and on anything wider than an A4 page (which makes Chromium
# shrink the print). Screenshots and PDFs go to browser-check/ (ignored by git), to be looked at.
browser-check: setup
	@$(SWIFT) build $(TEST_BUILD) --product riskreg
	RISKREG=.build/release/riskreg ./scripts/browser-check
