import ClinicPressModel
import Foundation

/// Reads a text file of the site as UTF-8, with a diagnostic at the exact line and column of the first
/// byte that is not UTF-8. A byte order mark is dropped and Windows line endings become `\n`.
enum SourceText {
    /// The file's text, or a diagnostic naming `relativePath`.
    static func read(_ url: URL, relativePath: String) -> Result<String, Diagnostic> {
        read(path: url.path, relativePath: relativePath)
    }

    /// The text of the file at `path`, read with plain system calls: `Data(contentsOf:)` and URL arithmetic were a
    /// quarter of loading a 10,000-post site.
    static func read(path: String, relativePath: String) -> Result<String, Diagnostic> {
        func failure() -> Result<String, Diagnostic> {
            .failure(.error("cannot read the file: \(String(cString: strerror(errno)))", at: SourceLocation(file: relativePath), rule: "io"))
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return failure() }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return failure() }
        let size = Int(status.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = 0
            while initialized < size, let start = buffer.baseAddress {
                let count = Glibc.read(descriptor, start + initialized, size - initialized)
                if count < 0, errno == EINTR { continue }
                if count <= 0 {
                    failed = count < 0
                    break
                }
                initialized += count
            }
        }
        return failed ? failure() : decode(bytes, relativePath: relativePath)
    }

    /// Decodes bytes; see `read`.
    static func decode(_ bytes: [UInt8], relativePath: String) -> Result<String, Diagnostic> {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            return .failure(invalidUTF8(bytes, relativePath: relativePath))
        }
        // memchr over the bytes: the generic `text.utf8.contains` walked every post byte by byte.
        let hasCarriageReturn = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 0x0D, buffer.count) != nil } ?? false
        }
        if hasCarriageReturn {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(text)
    }

    private static func invalidUTF8(_ bytes: ArraySlice<UInt8>, relativePath: String) -> Diagnostic {
        var line = 1, column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = bytes.startIndex
        var badByte: UInt8 = 0
        decoding: while true {
            let before = offset
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                break decoding
            case .error:
                badByte = bytes[before]
                break decoding
            }
        }
        let hex = String(badByte, radix: 16, uppercase: true)
        return .error("the file is not UTF-8 text (byte 0x\(hex.count == 1 ? "0" + hex : hex))", at: SourceLocation(file: relativePath, line: line, column: column),
                      rule: "encoding", hint: "save the file as UTF-8 in your editor (often \"Save with encoding\" → UTF-8)")
    }
}
