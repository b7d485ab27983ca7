import ClinicPressModel
import ClinicPressMarkdown

/// A citation or citation-like mark found in prose, at an offset of its block's text.
struct CitationMark: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `[^label]` with a definition.
        case footnote(label: String)
        /// `[^label]` left as text by cmark-gfm because no definition exists.
        case undefinedFootnote(label: String)
        /// `[@key]`, a key of the site's reference list.
        case reference(key: String)
        /// An inline link to a web address; `text` is what the reader sees.
        case link(url: String, text: String)
    }

    let kind: Kind
    /// Byte offset in the block's text. Links cite the sentence their text starts in; footnotes and `[@key]`
    /// cite the text before them (`…improved.[^1]`, `…improved[^1].`).
    let offset: Int
    let position: TextPosition

    /// The offset of the character whose sentence this mark cites.
    var citedOffset: Int {
        if case .link = kind { return offset }
        return max(0, offset - 1)
    }
}

/// The prose of one paragraph or table cell as a reader sees it, in UTF-8, with a way back to source positions.
///
/// Text comes from text and code nodes; soft breaks become spaces; links keep their text; images, raw HTML and
/// footnote markers add nothing to the text but marks are recorded for citations. Offsets are byte offsets.
///
/// A class: each of a block's sentences refers to it while the checker reads them, and a struct would copy (and
/// retain) its five arrays for every sentence. It is filled in by `init` and by the walker that makes it (suppression,
/// lead-in), and only read after that.
final class ProseBlock {
    var text: [UInt8] = []
    var marks: [CitationMark] = []
    /// `claim-ok` reason that applies to this block, if a comment before it gave one.
    var suppression: Suppression?
    /// For a list item: what introduces the list (the heading or the paragraph ending in ":" right before it), in
    /// UTF-8. "Benefits include:" makes "Better sleep" a claim; "Common symptoms:" does not.
    var leadIn: [UInt8] = []
    /// Where runs of text start: offset → source position (each run sits on one source line).
    private var anchors: [(offset: Int, position: TextPosition)] = []

    /// The source position of the byte at `offset`; columns count Unicode scalars.
    func position(at offset: Int) -> TextPosition {
        var low = 0, high = anchors.count - 1, found = -1
        while low <= high {
            let middle = (low + high) / 2
            if anchors[middle].offset <= offset {
                found = middle
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        guard found >= 0 else { return anchors.first?.position ?? TextPosition(line: 0, column: 0) }
        let anchor = anchors[found]
        return TextPosition(line: anchor.position.line, column: anchor.position.column + scalars(from: anchor.offset, to: offset))
    }

    /// How many scalars start in `text[start..<end]`. Once the block is built, through the checkpoints: counting
    /// from the anchor made a one-line paragraph of 4,000 sentences take 14 s (each finding counted from its start).
    private func scalars(from start: Int, to end: Int) -> Int {
        guard !checkpoints.isEmpty else { return Self.scalarCount(text[start..<end]) }
        return scalarsBefore(end) - scalarsBefore(start)
    }

    /// The scalars that start before byte `offset`: the checkpoint before it, plus at most a stride of bytes.
    private func scalarsBefore(_ offset: Int) -> Int {
        let checkpoint = offset / Self.checkpointStride
        return checkpoints[checkpoint] + Self.scalarCount(text[(checkpoint * Self.checkpointStride)..<offset])
    }

    /// Bytes between checkpoints.
    private static let checkpointStride = 256

    /// `checkpoints[k]` is the number of scalars that start before byte `k * checkpointStride` of the text.
    private var checkpoints: [Int] = []

    private func makeCheckpoints() {
        var counts = [0]
        counts.reserveCapacity(text.count / Self.checkpointStride + 1)
        var start = 0
        while start + Self.checkpointStride <= text.count {
            counts.append(counts[counts.count - 1] + Self.scalarCount(text[start..<(start + Self.checkpointStride)]))
            start += Self.checkpointStride
        }
        checkpoints = counts
    }

    /// The text of `range` as a string. `range` must lie inside `text` (sentence and mark ranges do); the buffer is
    /// read only within the closure.
    func string(_ range: Range<Int>) -> String {
        text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// The number of scalars in UTF-8 bytes: every byte but the continuation bytes (10xxxxxx) starts one. Eight bytes
    /// at a time where the bytes are contiguous (every block's text is counted once, for its checkpoints).
    static func scalarCount<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int {
        bytes.withContiguousStorageIfAvailable(scalarCount(contiguous:)) ?? bytes.reduce(0) { $1 & 0xC0 != 0x80 ? $0 + 1 : $0 }
    }

    /// `scalarCount` over a buffer: eight bytes are loaded at once (`loadUnaligned` reads `offset..<offset + 8`, inside
    /// the buffer) and their continuation bytes counted by their top two bits; the last few bytes one by one.
    /// `UnsafeCodeTests.scalarCountMatchesAPlainCount` compares it with a plain count on random text.
    static func scalarCount(contiguous bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let high: UInt64 = 0x8080_8080_8080_8080
        var continuations = 0
        var offset = 0
        if let base = bytes.baseAddress {
            while offset + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
                // A continuation byte has bit 7 set and bit 6 clear.
                continuations += (word & ~(word << 1) & high).nonzeroBitCount
                offset += 8
            }
        }
        while offset < bytes.count {
            if bytes[offset] & 0xC0 == 0x80 { continuations += 1 }
            offset += 1
        }
        return bytes.count - continuations
    }

    // MARK: - Building from the Markdown tree

    /// Collects the inline content of a paragraph or table cell. The walk keeps no call stack (emphasis can nest
    /// thousands deep); links still open are kept in a stack of their own.
    init(inlinesOf node: MarkdownNode) {
        var openLinks: [(start: Int, position: TextPosition)] = []
        node.walk(enter: { node in
            switch node.kind {
            case .text:
                node.withLiteralUTF8 { appendText($0, at: node.start) }
            case .code:
                node.withLiteralUTF8 { appendRun($0[...], at: node.start) }
            case .softBreak, .lineBreak:
                text.append(UInt8(ascii: " "))
            case .footnoteReference:
                marks.append(CitationMark(kind: .footnote(label: node.literal ?? ""), offset: text.count, position: node.start))
                return .skipChildren
            case .link:
                openLinks.append((text.count, node.start.isUnknown ? estimatedPosition() : node.start))
            case .image, .htmlInline, .htmlBlock:
                return .skipChildren
            default:
                break
            }
            return .descend
        }, exit: { node in
            guard node.kind == .link, let (start, position) = openLinks.popLast() else { return }
            if let url = node.destination, url.hasPrefix("http://") || url.hasPrefix("https://") {
                marks.append(CitationMark(kind: .link(url: url, text: string(start..<text.count)), offset: start, position: position))
            }
        })
        makeCheckpoints()
    }

    /// Appends a text node's literal, taking `[@key]` and unresolved `[^label]` out as marks. `literal` is borrowed
    /// from the tree for this call only (copied into `text`). Reads stay below `literal.count`: a bracket is used only
    /// when `bracket + 2 < count`, and `end` is found inside the literal. `UnsafeCodeTests` compares the text and
    /// marks with a plain scan of each text node.
    private func appendText(_ literal: UnsafeBufferPointer<UInt8>, at start: TextPosition) {
        let open = UInt8(ascii: "["), close = UInt8(ascii: "]"), space = UInt8(ascii: " ")
        var runStart = 0
        var index = 0
        while index + 2 < literal.count {
            // Most text holds no bracket at all: jump to the next one.
            guard let bracket = literal[index...].firstIndex(of: open), bracket + 2 < literal.count else { break }
            index = bracket
            guard literal[index + 1] == UInt8(ascii: "@") || literal[index + 1] == UInt8(ascii: "^"),
                  let end = literal[(index + 2)...].firstIndex(of: close), end > index + 2,
                  !literal[(index + 2)..<end].contains(where: { $0 == space || $0 == open }) else {
                index += 1
                continue
            }
            appendRun(literal[runStart..<index], at: shifted(start, by: Self.scalarCount(literal[..<runStart])))
            let label = String(decoding: UnsafeBufferPointer(rebasing: literal[(index + 2)..<end]), as: UTF8.self)
            let kind: CitationMark.Kind = literal[index + 1] == UInt8(ascii: "@") ? .reference(key: label) : .undefinedFootnote(label: label)
            marks.append(CitationMark(kind: kind, offset: text.count, position: shifted(start, by: Self.scalarCount(literal[..<index]))))
            index = end + 1
            runStart = index
        }
        appendRun(literal[runStart...], at: shifted(start, by: Self.scalarCount(literal[..<runStart])))
    }

    private func appendRun(_ run: Slice<UnsafeBufferPointer<UInt8>>, at position: TextPosition) {
        guard !run.isEmpty else { return }
        anchors.append((text.count, position.isUnknown ? estimatedPosition() : position))
        text.append(contentsOf: run)
    }

    /// For nodes cmark-gfm gives no position (bare autolinks): just after the previous run, on its line.
    private func estimatedPosition() -> TextPosition {
        guard !anchors.isEmpty else { return TextPosition(line: 0, column: 0) }
        return position(at: text.count)
    }

    private func shifted(_ position: TextPosition, by columns: Int) -> TextPosition {
        position.isUnknown ? position : TextPosition(line: position.line, column: position.column + columns)
    }
}
