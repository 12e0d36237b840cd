# The two commands of the README:
#   make run   install what is missing, build, run the bundled sample case into output/
#   make test  install what is missing, build, run every test
BUILD ?= build
JOBS  ?= 2
SAMPLE ?= samples/weidu-2026

.PHONY: all setup configure build run test clean

all: build

setup:
	@.ci/install-deps

configure: setup
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAWARD_WERROR=ON

build: configure
	cmake --build $(BUILD) -j$(JOBS)

run: build
	$(BUILD)/award run $(SAMPLE) --out output

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)

clean:
	rm -rf $(BUILD)
