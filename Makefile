# The two commands of the README:
#   make run   install what is missing, build, run the bundled sample cases into output/
#              (and write each case's blank score sheets, as the office hands them out)
#   make test  install what is missing, build, run every test
BUILD ?= build
JOBS  ?= 2
SAMPLES ?= samples/weidu-2026 samples/zhongmou-2026 samples/tongzhou-2026 samples/lucheng-2026 samples/benxi-2026
# The samples' own award registry and signing key, never the office's real ones: the
# registry beside the outputs (git-ignored, kept across reruns, which then change
# nothing), the key outside the repo (award refuses a key inside a git work tree).
# samples/registry/*.json are earlier cycles from paper, imported first. After the runs:
# the 2027 report forms the winners owe (魏都区 第二十八条（二）, 中牟县 第二十九条), the
# public key, and every certificate verified (output/证书核验结果.txt).
SAMPLE_REGISTRY ?= output/样例登记库.sqlite
SAMPLE_KEY ?= $(HOME)/.local/share/award-samples/keys/office-ed25519.pem

.PHONY: all setup configure build run test clean

all: build

setup:
	@.ci/install-deps

configure: setup
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAWARD_WERROR=ON

build: configure
	cmake --build $(BUILD) -j$(JOBS)

run: build
	@set -e; export AWARD_REGISTRY="$(SAMPLE_REGISTRY)" AWARD_OFFICE_KEY="$(SAMPLE_KEY)"; \
	for f in samples/registry/*.json; do $(BUILD)/award registry import "$$f"; done; \
	for s in $(SAMPLES); do \
	  $(BUILD)/award sheets $$s --out output; \
	  $(BUILD)/award run $$s --out output; \
	done; \
	$(BUILD)/award reports forms --year 2027 --out output; \
	$(BUILD)/award stats --year 2026 --as-of 2026-12-31 --out output; \
	$(BUILD)/award key --out output/证书验证公钥.pem > /dev/null; \
	$(BUILD)/award verify $(foreach s,$(SAMPLES),output/$(notdir $(s))/证书/*.pdf) > output/证书核验结果.txt && tail -n 1 output/证书核验结果.txt

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)

clean:
	rm -rf $(BUILD)
