# Strata - thin front end over scripts/ and CMake. On a fresh Debian 12 machine:
#   make run     install what is missing, build, run the quickstart (examples/quickstart)
#   make test    install, start the services the suite needs, build, run the whole suite (ctest -j2)
# Other targets: build, setup, services, corpus, bench, clean.

BUILD_DIR  ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= 2
# services (scripts/services.sh) the test suite needs: PostgreSQL and MariaDB for the integration
# tests (ctest label "integration"; they read STRATA_PG_URL / STRATA_MYSQL_URL and skip when unset)
STRATA_SERVICES ?= postgres mariadb
CTEST_ARGS ?=

STRATA  := $(BUILD_DIR)/bin/strata
DEV_URL := sqlite://dev?mode=memory
QS      := $(CURDIR)/examples/quickstart

.PHONY: all setup configure build run test services corpus bench clean
# prerequisites run in the order written (setup installs what build needs); ninja is parallel inside
.NOTPARALLEL:

all: build

setup:
	@scripts/setup.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

configure: $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

# The main job: a declarative apply of the quickstart schema to an embedded SQLite file, then of
# one edit of it (a second plan). Builds only the strata binary. The database lives in $(BUILD_DIR)
# and is recreated every time, so `make run` is repeatable.
run: setup configure
	cmake --build $(BUILD_DIR) -j $(JOBS) --target strata
	@rm -f $(BUILD_DIR)/quickstart.db
	@echo '$$ strata schema apply --url sqlite://quickstart.db --to file://examples/quickstart/schema.hcl --dev-url "$(DEV_URL)" --auto-approve'
	@cd $(BUILD_DIR) && ./bin/strata schema apply --url sqlite://quickstart.db \
	  --to file://$(QS)/schema.hcl --dev-url "$(DEV_URL)" --auto-approve
	@echo
	@echo '$$ strata schema apply --url sqlite://quickstart.db --to file://examples/quickstart/schema_v2.hcl --dev-url "$(DEV_URL)" --auto-approve'
	@cd $(BUILD_DIR) && ./bin/strata schema apply --url sqlite://quickstart.db \
	  --to file://$(QS)/schema_v2.hcl --dev-url "$(DEV_URL)" --auto-approve

services:
ifneq ($(strip $(STRATA_SERVICES)),)
	scripts/services.sh install $(STRATA_SERVICES)
	scripts/services.sh start $(STRATA_SERVICES)
endif

corpus:
	@scripts/corpus.sh $(BUILD_DIR)/corpus

# PG_URL / MYSQL_URL come from `scripts/services.sh env postgres|mariadb`; a STRATA_PG_URL or
# STRATA_MYSQL_URL already set wins.
test: setup services build corpus
	@if echo " $(STRATA_SERVICES) " | grep -q " postgres "; then eval "$$(scripts/services.sh env postgres)"; \
	  export STRATA_PG_URL="$${STRATA_PG_URL:-$$PG_URL}"; \
	  if [ -z "$$STRATA_PG_URL" ]; then echo "make test: no PostgreSQL URL; the integration tests would skip" >&2; exit 1; fi; fi; \
	if echo " $(STRATA_SERVICES) " | grep -q " mariadb "; then eval "$$(scripts/services.sh env mariadb)"; \
	  export STRATA_MYSQL_URL="$${STRATA_MYSQL_URL:-$$MYSQL_URL}" STRATA_MYSQL_SOCKET="$${STRATA_MYSQL_SOCKET:-$$MYSQL_SOCKET}"; \
	  if [ -z "$$STRATA_MYSQL_URL" ]; then echo "make test: no MariaDB URL; the integration tests would skip" >&2; exit 1; fi; fi; \
	ctest --test-dir $(BUILD_DIR) -j $(JOBS) --output-on-failure $(CTEST_ARGS)

bench: setup build
	bench/run_sqlite.sh $(STRATA)

clean:
	rm -rf $(BUILD_DIR)
