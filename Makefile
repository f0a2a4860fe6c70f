# The two commands in the README: `make demo` and `make test`. Each does its own set-up.
SWIFT ?= swift
EXAMPLE ?= Registers/community-safety-leiden.yaml

.PHONY: setup demo test build release clean examples browser-check

setup:
	@./scripts/setup

# The release binary carries the Swift runtime and Foundation inside it (statically linked): it
# runs on a machine with no Swift toolchain, starts faster and takes less memory. It is built in
# its own folder so that it and the test build (dynamically linked) never rebuild each other.
RELEASE_BUILD = -c release --static-swift-stdlib --scratch-path .build-static

demo: setup
	@$(SWIFT) build $(RELEASE_BUILD) --product riskreg
	.build-static/release/riskreg score $(EXAMPLE)

# Release mode: the statistical tests simulate millions of trials, which a debug build runs
# tens of times slower; -enable-testing keeps @testable imports working.
test: setup
	$(SWIFT) test -c release -Xswiftc -enable-testing --disable-xctest

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build $(RELEASE_BUILD) --product riskreg
	@echo "the binary is .build-static/release/riskreg"

clean:
	rm -rf .build .build-static

# docs/examples/: board and community reports for every register in Registers/ (a test checks
# they are up to date).
examples: setup
	./scripts/generate-examples

# Opens every example HTML report in headless Chromium at desktop and phone widths; fails on any
# CSP violation or console error. Screenshots go to .build/browser-check/.
browser-check:
	./scripts/browser-check
