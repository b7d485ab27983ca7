# The two set-up commands of the README:
#   make site   installs what is missing, builds clinicpress and the sample site into Public/
#   make test   installs what is missing, validates the generated HTML, runs the whole test suite (CI runs this)
.PHONY: site test theme

site:
	@scripts/bootstrap.sh
	swift build --product clinicpress
	.build/debug/clinicpress build

# The output is validated with the W3C validator first, so that the test runner's summary is the last line.
test:
	@scripts/bootstrap.sh
	swift build --product clinicpress
	scripts/validate-output.sh
	swift test --disable-xctest

# After editing Templates/: embed the default theme into the binary again.
theme:
	python3 scripts/embed-theme.py
