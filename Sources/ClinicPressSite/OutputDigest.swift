import ClinicPressModel
import ClinicPressParallel

/// One fingerprint of everything a build wrote, for `build --report`: two builds with the same digest wrote the same
/// paths with the same bytes, so a deploy script can skip an upload, or compare a CI build with a local one.
///
/// It is the SHA-256 of a manifest with one line per file, `<sha-256 of the file>  <path>\n`, in the byte order of
/// the paths: the lines `sha256sum` prints. So it can be checked without ClinicPress, from inside the output folder:
///
///     find . -type f ! -name .clinicpress-output -printf '%P\0' | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum
///
/// The stamp file (`.clinicpress-output`) is not part of the site and is left out. (`sha256sum` writes a name holding a
/// backslash or a line break differently; ClinicPress writes no such name, and `static/` files are copied as named.)
public enum OutputDigest {
    /// A file's line of the manifest: its path and the SHA-256 of its bytes, in hex.
    public struct Entry: Sendable, Equatable {
        public let path: String
        public let hash: String
    }

    /// `sha256:` and the manifest's digest, for `files`.
    public static func of(_ files: [OutputFile]) -> String {
        of(files.parallelMap { Entry(path: $0.path, hash: SHA256.hex($0.contents)) })
    }

    /// `sha256:` and the digest of the manifest of `entries` (in any order).
    public static func of(_ entries: [Entry]) -> String {
        var manifest = SHA256()
        for entry in entries.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            manifest.add(Array("\(entry.hash)  \(entry.path)\n".utf8))
        }
        return "sha256:" + manifest.finish()
    }
}
