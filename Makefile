# The two commands in the README: `make demo` and `make test`. Each does its own set-up.
SWIFT ?= swift
EXAMPLE ?= Registers/community-safety-leiden.yaml

.PHONY: setup demo test build release clean

setup:
	@./scripts/setup

demo: setup
	$(SWIFT) run -c release riskreg score $(EXAMPLE)

test: setup
	$(SWIFT) test --disable-xctest

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release

clean:
	rm -rf .build
