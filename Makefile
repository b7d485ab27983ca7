# The two set-up commands of the README:
#   make site   installs what is missing, builds clinicpress and the sample site into Public/, and says how long the
#               build of clinicpress took. The debug configuration, which `make test` reuses: the two commands compile
#               the packages once (the optimised build alone took longer than both together). Deploys use `make release`.
#   make test   installs what is missing, validates the generated HTML, runs the browser test and the whole test suite
#               (CI runs this; it builds the debug configuration, which the tests need)
# For deploys: `make release` packs a self-contained binary into dist/; `make release-test` runs it in an empty root.
.PHONY: site test theme serve train-claims release release-test

site:
	@scripts/bootstrap.sh
	@start=$$(date +%s); \
	swift build --product clinicpress && \
	echo "make site: clinicpress built in $$(( $$(date +%s) - start )) s" && \
	.build/debug/clinicpress build

# A self-contained binary: dist/clinicpress-<version>-linux-<arch>.tar.gz and its .sha256 (docs/deploy.md).
release:
	scripts/release.sh

# Builds the sample site with the packed binary inside an empty root holding only the binary, the libraries ldd lists
# and the site: no Swift toolchain, no /usr/lib (scripts/release-test.sh).
release-test: release
	scripts/release-test.sh

# The output is validated with the W3C validator, the preview is tested in headless Chromium and the red-team
# scaling cases are timed first, so that the test runner's summary is the last line.
test:
	@CLINICPRESS_WITH_BROWSER=1 scripts/bootstrap.sh
	swift build --product clinicpress
	scripts/validate-output.sh
	python3 scripts/browser-test.py
	python3 scripts/preview-panel-test.py
	python3 scripts/comments-browser-test.py
	python3 scripts/red-team-scaling.py
	swift test --disable-xctest

# Preview the sample site with live reload at http://127.0.0.1:8000/ (Ctrl-C to stop).
serve:
	@scripts/bootstrap.sh
	swift build -c release --product clinicpress
	.build/release/clinicpress serve

# After editing Templates/: embed the default theme into the binary again.
theme:
	python3 scripts/embed-theme.py

# After editing the claim corpus (Tests/Fixtures/ClaimCorpus/articles) or Resources/claim-lexicon.yaml: train the claim
# model again (grouped cross-validation printed; writes Resources/claim-model.tsv). Deterministic; about a minute.
train-claims:
	@scripts/bootstrap.sh
	swift build -c release --product train-claims
	.build/release/train-claims train
