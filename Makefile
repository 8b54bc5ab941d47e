# quotegraph: `make demo` builds and runs on samples/, `make test` builds and runs every test.
BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
# Debian packages the build and the tests need (the real-client tests use graphviz,
# networkx, igraph and xmllint).
DEPS := cmake g++ make pkg-config libboost-graph-dev nlohmann-json3-dev libspdlog-dev libfmt-dev \
        libcli11-dev libmimalloc-dev libgtest-dev libgmock-dev graphviz python3-networkx python3-igraph \
        libxml2-utils clang-format
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build test demo bench clean

all: build

deps:
	@missing=""; for p in $(DEPS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)
	cmake --build $(BUILD_DIR) -j $(JOBS)

test: deps build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

demo: deps build
	mkdir -p out
	$(BUILD_DIR)/quotegraph extract samples --format jsonl > out/samples.jsonl
	$(BUILD_DIR)/quotegraph build samples -o out/samples.graphml
	$(BUILD_DIR)/quotegraph build samples -o out/samples.dot
	$(BUILD_DIR)/quotegraph build samples -o out/samples.json
	if command -v dot >/dev/null; then dot -Tsvg out/samples.dot -o out/samples.svg; fi
	@echo "wrote out/samples.jsonl, out/samples.graphml, out/samples.dot, out/samples.json$$(command -v dot >/dev/null && echo ', out/samples.svg')"

# The micro-benchmarks per stage, then the figures of issue 5 (bench/run.sh). Google
# Benchmark is installed here only: nothing else needs it.
bench:
	$(MAKE) deps DEPS="$(DEPS) libbenchmark-dev"
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release -DQUOTEGRAPH_BUILD_BENCH=ON $(CMAKE_FLAGS)
	cmake --build $(BUILD_DIR) -j $(JOBS)
	$(BUILD_DIR)/quotegraph_bench
	sh bench/run.sh $(BUILD_DIR)

clean:
	rm -rf $(BUILD_DIR) out
