/// ClinicPress's version: `clinicpress --version`, build reports, the release tarball's name (scripts/release.sh reads
/// it from this file) and the version the workflow `init` writes downloads.
public enum ClinicPressVersion {
    public static let current = "0.1.0"
}
