# ProviderWatch: `make run` serves on http://127.0.0.1:8080, `make test` runs every suite.
# Both install what is missing first (scripts/install-deps.sh: Debian packages and npm only).

MAKEFLAGS += --no-print-directory

BUILD   ?= build
DB      ?= var/providerwatch.db
PORT    ?= 8080
BIND    ?= 127.0.0.1
JOBS    ?= 2
BIN     := $(BUILD)/providerwatch
REGISTRY := data/registry/work_programme_primes.csv data/registry/restart_scheme_primes.csv

.PHONY: all deps test-deps bench-deps configure build run test bench fuzz clean format

all: build

deps:
	@scripts/install-deps.sh run

test-deps:
	@scripts/install-deps.sh test

# Configuring again is cheap, and finds GoogleTest once `make test` has installed it.
configure:
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null

build: deps configure
	cmake --build $(BUILD) -j$(JOBS) --target providerwatch
	@scripts/build-assets.sh $(BUILD)/public

run: build
	@mkdir -p $(dir $(DB))
	$(BIN) migrate --db $(DB)
	for registry in $(REGISTRY); do $(BIN) import registry $$registry --db $(DB) || exit 1; done
	$(BIN) import figures data/published/sanction_aggregates.csv --db $(DB)
	$(BIN) import provider-sanctions data/published/provider_sanction_referrals.csv --db $(DB)
	@# Staff reports need the moderators' key. On this one machine its passphrase lies beside it,
	@# which is fine to try the site; a deployment keeps them apart (docs/threat-model.md).
	@test -f $(dir $(DB))staff.key || { head -c 24 /dev/urandom | base64 > $(dir $(DB))staff.passphrase && \
	  chmod 600 $(dir $(DB))staff.passphrase && \
	  $(BIN) staff-key init $(dir $(DB))staff.key --passphrase-file $(dir $(DB))staff.passphrase; }
	$(BIN) serve --db $(DB) --port $(PORT) --bind $(BIND) --staff-key $(dir $(DB))staff.key \
	  --staff-key-passphrase-file $(dir $(DB))staff.passphrase

# Unit, store and integration suites; store and HTTP suites run on SQLite and on a
# PostgreSQL 15 server started for the run on a loopback port (scripts/with-postgres.sh).
test: test-deps configure
	cmake --build $(BUILD) -j$(JOBS)
	@scripts/build-assets.sh $(BUILD)/public
	@scripts/fuzz.sh 5 referrals=30
	@cd $(BUILD) && ./unit_tests --gtest_filter='RedactionEvaluation.*' --gtest_brief=1
	@cd $(BUILD) && ./unit_tests --gtest_filter='DetectionQuality.*:ProvidersWithinAnArea.*' --gtest_brief=1
	@scripts/with-postgres.sh ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS) --timeout 300

bench-deps:
	@scripts/install-deps.sh bench

bench: bench-deps configure
	cmake --build $(BUILD) -j$(JOBS) --target providerwatch idle_connections slow_clients integration_tests analytics_bench
	@scripts/build-assets.sh $(BUILD)/public
	@scripts/bench.sh $(BIN)
	@scripts/bench-ratings.sh $(BIN)
	@scripts/bench-connections.sh $(BIN)
	@scripts/bench-slow-clients.sh $(BIN)
	@scripts/bench-analytics.sh $(BUILD)
	@PW_DURABILITY_CYCLES=50 $(BUILD)/integration_tests --gtest_filter='Durability.*' | grep -E '^durability:|FAILED|PASSED'

# Every libFuzzer target for five minutes (make test runs each for five seconds, the referral reader for 30).
fuzz: test-deps
	@scripts/fuzz.sh 300

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')

clean:
	rm -rf $(BUILD) build-fuzz
