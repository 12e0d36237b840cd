# The two commands of the README:
#   make run   install what is missing, build, run the bundled sample cases into output/
#              (and write each case's blank score sheets, as the office hands them out)
#   make test  install what is missing, build, run every test
BUILD ?= build
JOBS  ?= 2
SAMPLES ?= samples/weidu-2026 samples/zhongmou-2026 samples/tongzhou-2026 samples/lucheng-2026 samples/benxi-2026

.PHONY: all setup configure build run test clean

all: build

setup:
	@.ci/install-deps

configure: setup
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAWARD_WERROR=ON

build: configure
	cmake --build $(BUILD) -j$(JOBS)

run: build
	@set -e; for s in $(SAMPLES); do \
	  $(BUILD)/award sheets $$s --out output; \
	  $(BUILD)/award run $$s --out output; \
	done

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)

clean:
	rm -rf $(BUILD)
