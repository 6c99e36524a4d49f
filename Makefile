# SalesLedger — the two commands of README.md:
#   make run    set up, build in release, open the default ledger (pass arguments with ARGS="...")
#   make test   set up, build, run the unit tests (swift test) and the end-to-end tests (tmux)
SHELL := /bin/bash
SWIFT ?= swift
ARGS ?=
APT_PACKAGES := libncursesw5-dev libsqlite3-dev tmux sqlite3 hledger

.PHONY: run test setup build release unit e2e bench

setup:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "the Swift toolchain (swift) is not on PATH: install Swift 6 first" >&2; exit 2; }

release: setup
	$(SWIFT) build -c release --product salesledger

run: release
	./.build/release/salesledger $(ARGS)

build: setup
	$(SWIFT) build --build-tests

unit: build
	$(SWIFT) test --skip-build 2>&1 | tee .build/unit-tests.log; test $${PIPESTATUS[0]} -eq 0

e2e: build
	bash tests/e2e/run.sh "$$($(SWIFT) build --show-bin-path)"

test: unit e2e

# BENCH_SIZES=10000,100000 (default; 1000000 takes many minutes), BENCH_RUNS=5: see scripts/bench.sh.
bench: setup
	$(SWIFT) build -c release --product salesledger-bench && ./.build/release/salesledger-bench
	$(SWIFT) build -c release --product salesledger && bash scripts/bench.sh
