# The two set-up commands of the README:
#   make site   installs what is missing, builds clinicpress and the sample site into Public/
#   make test   installs what is missing, validates the generated HTML, runs the browser test and the whole
#               test suite (CI runs this)
.PHONY: site test theme serve train-claims

site:
	@scripts/bootstrap.sh
	swift build --product clinicpress
	.build/debug/clinicpress build

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
