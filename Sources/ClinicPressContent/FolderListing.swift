import ClinicPressModel
import Foundation

/// Lists the folders of a site with plain system calls, so that a folder that exists but cannot be read is told apart
/// from one that does not exist: both looked empty before, and a post was published without its comments.
enum FolderListing {
    /// The names in the folder at `path` (without `.` and `..`), unsorted, or the `errno` of the failure.
    static func names(atPath path: String) -> Result<[String], POSIXError> {
        guard let directory = opendir(path) else { return .failure(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)) }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { return .failure(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)) }
                return .success(names)
            }
            // `entry` points into the DIR stream and stays valid until the next readdir or closedir, both after this line.
            // d_name is a fixed array of 256 bytes imported as a tuple: the name is read up to its NUL, never past the
            // array. `UnsafeCodeTests` compares the names with FileManager's on folders of random names.
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
    }

    /// The system's words for an error, such as "Permission denied".
    static func describe(_ error: POSIXError) -> String {
        String(cString: strerror(error.code.rawValue))
    }

    /// True for a name that is a Markdown file by its extension in any case (`a.md`, `a.MD`, `a.Md`).
    static func hasMarkdownExtension(_ name: String) -> Bool {
        name.count > 3 && name.suffix(3).lowercased() == ".md"
    }

    /// An error for a Markdown file whose extension is not written `.md`: such files were skipped without a word.
    static func misnamedMarkdown(_ name: String, in folder: String) -> Diagnostic {
        .error("the file ends in `\(name.suffix(3))`, and only files ending in `.md` are read", at: SourceLocation(file: "\(folder)/\(name)"),
               rule: "site-layout", hint: "rename it to \(name.dropLast(3)).md")
    }
}
