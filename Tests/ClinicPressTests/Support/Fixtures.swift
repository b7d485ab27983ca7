import ClinicPressModel
import Foundation
import Testing

/// Paths of the repository and its test fixtures, found from this file's location.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let root = repository.appendingPathComponent("Tests/Fixtures")

    static func site(_ name: String) -> URL { root.appendingPathComponent("Sites/\(name)") }
    static func invalid(_ name: String) -> URL { root.appendingPathComponent("Invalid/\(name)") }

    /// The moment golden builds treat as now: after every fixture post, before 2099.
    static let now = Timestamp(parsing: "2026-11-22T12:00:00Z")!

    /// True when golden files should be rewritten instead of compared (`RECORD_SNAPSHOTS=1 swift test`).
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }
}

/// A fresh temporary folder, removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("clinicpress-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes files given as `-- path --` sections (Hugo's txtar style) and returns the folder.
    @discardableResult
    func write(_ archive: String) -> URL {
        for (path, text) in Self.parse(archive) {
            write(path, text)
        }
        return url
    }

    func write(_ path: String, _ text: String) {
        let file = url.appendingPathComponent(path)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: file)
    }

    static func parse(_ archive: String) -> [(String, String)] {
        var files: [(String, String)] = []
        var current: (String, [Substring])?
        for line in archive.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                if let current { files.append((current.0, current.1.joined(separator: "\n") + "\n")) }
                current = (String(line.dropFirst(3).dropLast(3)), [])
            } else {
                current?.1.append(line)
            }
        }
        if let current {
            var lines = current.1
            while lines.last?.isEmpty == true { lines.removeLast() }
            files.append((current.0, lines.joined(separator: "\n") + "\n"))
        }
        return files
    }
}

/// Every regular file below `directory`, relative path → bytes.
func filesBelow(_ directory: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return result }
    for case let path as String in enumerator {
        var isDirectory: ObjCBool = false
        let url = directory.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            result[path] = FileManager.default.contents(atPath: url.path)
        }
    }
    return result
}

/// A minimal valid `site.yaml` for inline test sites.
let minimalSiteYAML = """
-- site.yaml --
title: "Test Blog"
base_url: "https://test.example/"
"""

/// A site with one post, `Posts/2026-09-01-ketamine-basics.md`, for comment tests to add comment files to.
func ketamineBasicsSite() -> TemporaryDirectory {
    let site = TemporaryDirectory()
    site.write(minimalSiteYAML + """

    -- Posts/2026-09-01-ketamine-basics.md --
    ---
    title: "Ketamine Basics"
    ---
    Body.
    """)
    return site
}
