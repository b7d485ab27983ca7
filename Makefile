# The two set-up commands of the README:
#   make site   installs what is missing, builds clinicpress and the sample site into Public/
#   make test   installs what is missing and runs the whole test suite (what CI runs)
.PHONY: site test theme

site:
	@scripts/bootstrap.sh
	swift build --product clinicpress
	.build/debug/clinicpress build

test:
	@scripts/bootstrap.sh
	swift test --disable-xctest

# After editing Templates/: embed the default theme into the binary again.
theme:
	python3 scripts/embed-theme.py
