@testable import ClinicPressClaims
@testable import ClinicPressContent
@testable import ClinicPressMarkdown
@testable import ClinicPressModel
@testable import ClinicPressPreview
@testable import ClinicPressRender
@testable import ClinicPressSite
import Dispatch
import Foundation
import Synchronization
import Testing

// The fences of the code that trades safety checks for speed: each raw pointer, `@unchecked Sendable` class and
// byte-skipping scanner against a deliberately plain implementation, on random input (several seeds, non-ASCII
// UTF-8, empty input, lengths around the 8-byte strides). Each site's own comment says why it is safe.
//
// Already compared elsewhere, so not repeated here:
// - `ClaimWords.tokenize` and its scanner helpers: `ClaimClassifierTests.tokenizerMatchesAPlainImplementation`
//   (`PlainTokenizer`); the stemmer: `ClaimClassifierTests.theStemmerMatchesItsRulesWrittenPlainly`.
// - `HashTable` against a Dictionary: `ClaimClassifierTests.hashTableMatchesADictionary`.
// - `ProseBlock.position(at:)` and its checkpoints: `ProseBlockPositionTests`.
// - `FootnoteCount.marks` (memchr): `InputLimitTests.footnoteMarksAreCountedLikeAPlainScan`.
// - `TerminalText.needsEscaping(bytes:)`: `ControlCharacterTests.fastCheckAgreesWithThePlainDefinition`.
// - `HTMLRenderer`'s escaping, `escapeHref`, raw HTML and tables: `HTMLRendererTests`, against cmark-gfm's renderer.
// - `MarkdownParser`'s shared-table lock: `MarkdownTreeTests.parallelParsesRenderLikeSerialOnes`.
// - `PostCard` (`@unchecked Sendable` template values shared by the pages of a render): a rebuild renders without
//   them, and `IncrementalBuildTests.randomEditSequencesGiveTheSameSiteAsAFreshBuild` compares it with a fresh build.
// Below, one test per remaining site; the mutations each was seen to catch are in the commit message.

/// Byte counts around the 8- and 16-byte strides of the word-at-a-time scanners and of inotify's name padding.
private let boundaryLengths = [0, 1, 2, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 32, 33]

extension SeededGenerator {
    fileprivate mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    fileprivate mutating func pick<T>(_ choices: [T]) -> T { choices[Int(next() % UInt64(choices.count))] }
    fileprivate mutating func text(_ pieces: [String], count: ClosedRange<Int>) -> String {
        (0..<int(count)).map { _ in pick(pieces) }.joined()
    }
    /// Random bytes, a boundary length one time in three.
    fileprivate mutating func bytes(upTo maximum: Int, from alphabet: [UInt8]) -> [UInt8] {
        let count = next() % 3 == 0 ? pick(boundaryLengths) : int(0...maximum)
        return (0..<count).map { _ in pick(alphabet) }
    }
}

/// The UTF-8 offset of each scalar of `text`, and the total at the end.
private func scalarOffsets(_ text: String) -> [Int] {
    var offsets = [0]
    for scalar in text.unicodeScalars { offsets.append(offsets[offsets.count - 1] + UTF8.width(scalar)) }
    return offsets
}

// MARK: - ClinicPressMarkdown

@Suite struct MarkdownUnsafeCodeTests {
    /// `MarkdownParser.isASCII` (unaligned 8-byte loads) against a byte-by-byte test, at every alignment, with bytes
    /// that have the high bit set right before and after the range: reading past `count` would see them.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func isASCIIMatchesAByteByByteTest(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<3000 {
            let count = generator.next() % 3 == 0 ? generator.pick(boundaryLengths) : generator.int(0...70)
            let offset = generator.int(0...7)
            var buffer = [UInt8](repeating: 0xFF, count: offset + count + 8)
            for index in offset..<(offset + count) { buffer[index] = UInt8(generator.int(0...0x7F)) }
            if count > 0, generator.next() % 2 == 0 { buffer[offset + generator.int(0...(count - 1))] = UInt8(generator.int(0x80...0xFF)) }
            let plain = buffer[offset..<(offset + count)].allSatisfy { $0 < 0x80 }
            let fast = buffer.withUnsafeBufferPointer { MarkdownParser.isASCII($0.baseAddress! + offset, count: count) }
            #expect(fast == plain, "offset \(offset), bytes \(buffer[offset..<(offset + count)])")
        }
    }

    /// `MarkdownParser.lines(of:)` (memchr) against a split on "\n": where each line starts, and which are ASCII.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func lineStartsAndASCIILinesMatchASplit(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let pieces = ["a", "bc ", "\n", "\n\n", "é", "抑郁", "𝔘", "1234567", "x\n", "        "]
        for _ in 0..<700 {
            let text = generator.text(pieces, count: 0...24)
            let storage = MarkdownTree(text).storage
            let lines = Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            var starts: [Int] = [], offset = 0
            for line in lines {
                starts.append(offset)
                offset += line.count + 1
            }
            #expect(storage.source == Array(text.utf8))
            #expect(storage.lineStarts == starts, "\(text.debugDescription)")
            #expect(storage.asciiLines == lines.map { $0.allSatisfy { $0 < 0x80 } }, "\(text.debugDescription)")
        }
    }

    /// Footnote labels (`Converter.footnoteLabel`, read from the source by byte column) against the labels written,
    /// and every node's literal (`withLiteralUTF8`, `Storage.string`, C strings copied with `strlen`) against a
    /// plain slice of the tree's text.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func footnoteLabelsAndLiteralsMatchTheSource(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let labels = ["a", "B2", "note-1", "é", "抑郁", "x_y", "𝔘n"]
        let words = ["Text", "é", "抑郁症", "𝔘nicode", "a", "word.", "`co de`", "*em*"]
        let prefixes = ["", " ", "  ", "   ", "> ", "> > ", ">  "]
        for _ in 0..<250 {
            var lines: [String] = []
            var referenced: [String] = []
            for _ in 0..<generator.int(1...4) {
                var line = generator.pick(prefixes) + generator.pick(words)
                for _ in 0..<generator.int(1...5) {
                    if generator.next() % 3 == 0 {
                        let label = generator.pick(labels)
                        referenced.append(label)
                        line += " [^\(label)]"
                    } else {
                        line += " " + generator.pick(words)
                    }
                }
                lines += [line, ""]
            }
            // Every referenced label is defined (so cmark-gfm makes references of them), some others too.
            let defined = labels.filter { label in referenced.contains(label) || generator.next() % 3 == 0 }
            for label in defined { lines += [generator.pick(["", " ", "   ", "> "]) + "[^\(label)]: Source \(label).", ""] }
            let text = lines.joined(separator: "\n")
            let tree = MarkdownTree(text)
            var references: [String] = [], definitions: [String] = []
            tree.root.forEach { node in
                if node.kind == .footnoteReference { references.append(node.literal ?? "<none>") }
                if node.kind == .footnoteDefinition { definitions.append(node.literal ?? "<none>") }
                let range = node.record.literal
                let plain = range.isPresent ? Array(tree.storage.text[range.bytes]) : []
                #expect(node.withLiteralUTF8 { Array($0) } == plain)
                #expect(node.literal == (range.isPresent ? String(decoding: plain, as: UTF8.self) : nil))
            }
            #expect(references == referenced, "\(text.debugDescription)")
            #expect(Set(referenced).isSubset(of: Set(definitions)) && Set(definitions).isSubset(of: Set(defined)), "\(text.debugDescription)")
        }
    }

    /// `HTMLRenderer.isFilteredTag` (index arithmetic on a slice) against a plain prefix test, on slices that do not
    /// start at index 0.
    @Test(arguments: [1, 2] as [UInt64])
    func filteredTagsMatchAPlainPrefixTest(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let names = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]
        let pieces = names + ["SCRIPT", "Style", "scrip", "ifram", "/", " ", ">", "/>", "\t", "\n", "\r", "a", "é", "<", "x"]
        func plain(_ text: String) -> Bool {
            var rest = Substring(text).unicodeScalars.dropFirst()
            if rest.first == "/" { rest = rest.dropFirst() }
            for name in names {
                let candidate = rest.prefix(name.unicodeScalars.count)
                guard String(String.UnicodeScalarView(candidate)).lowercased() == name else { continue }
                let after = rest.dropFirst(name.unicodeScalars.count)
                guard let next = after.first else { continue }
                if [" ", "\t", "\n", "\u{0B}", "\u{0C}", "\r", ">"].contains(next) { return true }
                if next == "/", after.dropFirst().first == ">" { return true }
            }
            return false
        }
        for _ in 0..<3000 {
            let text = "<" + generator.text(pieces, count: 0...4)
            let junk = [UInt8](repeating: UInt8(ascii: "<"), count: generator.int(0...9))
            let bytes = junk + Array(text.utf8)
            #expect(HTMLRenderer.isFilteredTag(bytes[junk.count...]) == plain(text), "\(text.debugDescription)")
        }
    }
}

// MARK: - ClinicPressClaims

@Suite struct ClaimsUnsafeCodeTests {
    /// `ProseBlock.scalarCount(contiguous:)` (unaligned 8-byte loads) against a count of the bytes that are no UTF-8
    /// continuation byte, at every alignment, with continuation bytes right before and after the range.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func scalarCountMatchesAPlainCount(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let pieces = ["a", " ", "é", "’", "日本", "😀", "\u{00A0}", "x1"]
        for _ in 0..<2000 {
            let text = generator.text(pieces, count: 0...generator.pick([3, 9, 40]))
            let bytes = Array(text.utf8)
            let offset = generator.int(0...7)
            let buffer = [UInt8](repeating: 0x80, count: offset) + bytes + [UInt8](repeating: 0x80, count: 8)
            let fast = buffer.withUnsafeBufferPointer { ProseBlock.scalarCount(contiguous: UnsafeBufferPointer(rebasing: $0[offset..<(offset + bytes.count)])) }
            #expect(fast == text.unicodeScalars.count, "\(text.debugDescription) at offset \(offset)")
        }
    }

    /// `UTF8Text.nextCandidateMark` (8 bytes at a time) against `firstIndex`, from every start offset.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func nextCandidateMarkMatchesFirstIndex(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let alphabet = Array("ab .!?".utf8) + [0xE2, 0x80, 0xA6, 0xC3, 0xA9, 0x2E, 0x20, 0x61, 0x61, 0x61, 0x61]
        for _ in 0..<1500 {
            let bytes = generator.bytes(upTo: 40, from: alphabet)
            let marks: Set<UInt8> = [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), 0xE2]
            bytes.withUnsafeBufferPointer { buffer in
                let text = UTF8Text(bytes: buffer)
                for start in 0...bytes.count {
                    let plain = bytes[start...].firstIndex(where: marks.contains) ?? bytes.count
                    #expect(text.nextCandidateMark(from: start) == plain, "from \(start) in \(bytes)")
                }
            }
        }
    }

    /// `UTF8Text.scalar(at:)` and `scalarStart(before:)` against Swift's own decoding.
    @Test func scalarReadsMatchSwiftsDecoding() {
        var generator = SeededGenerator(seed: 9)
        let pieces = ["a", " ", "é", "抑", "𝔘", "\u{301}", "…", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10000}", "\u{10FFFF}"]
        for _ in 0..<1500 {
            let text = generator.text(pieces, count: 0...12)
            let bytes = Array(text.utf8)
            let offsets = scalarOffsets(text)
            bytes.withUnsafeBufferPointer { buffer in
                let utf8 = UTF8Text(bytes: buffer)
                for (index, scalar) in text.unicodeScalars.enumerated() {
                    let read = utf8.scalar(at: offsets[index])
                    #expect(read.value == scalar && read.length == offsets[index + 1] - offsets[index], "\(text.debugDescription)")
                    #expect(utf8.scalarStart(before: offsets[index + 1]) == offsets[index], "\(text.debugDescription)")
                }
            }
        }
    }

    /// `SentenceSplitter.split` against its rules written plainly over Unicode scalars (`PlainSentences`).
    @Test(arguments: [1, 2, 3] as [UInt64])
    func sentencesMatchThePlainRules(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let words = ["Dr", "dr", "e.g", "U.S", "etc", "No", "no", "p", "J", "Smith", "patients", "mg", "fda", "2.5", "12", "É", "é",
                     "Кетамин", "抑郁症", "𝔘nicode", "Ça"]
        let marks = [".", ". ", "!", "?", "?!", "...", "…", " ", "  ", " ", "\t", "\n", "\u{00A0}", "\u{2003}", "\"", "'", ")", "]", "”",
                     "’", "»", "(", "“", "«", "¿", "¡", ",", "-", "—"]
        for round in 0..<2500 {
            let text: String
            if round % 5 == 0 {
                // Exact boundary lengths, in ASCII.
                text = String(decoding: generator.bytes(upTo: 40, from: Array("aA1 .!?\"".utf8)), as: UTF8.self)
            } else {
                text = (0..<generator.int(0...24)).map { _ in generator.next() % 2 == 0 ? generator.pick(words) : generator.pick(marks) }.joined()
            }
            #expect(SentenceSplitter.split(Array(text.utf8)) == PlainSentences.split(text), "\(text.debugDescription)")
        }
    }

    /// `NumberedReferences.marks` against the same rules read plainly from Unicode scalars.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func numberedMarksMatchAPlainReading(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let pieces = ["[", "]", "[", "]", "1", "2", "3", "12", "999", "1000", "05", ",", ", ", " ", "-", "–", "—", "a", "é", "\u{2000}", "Ⓚ",
                      "[1]", "[2–5]", "[1, 3-4]", "[4-2]", "[1-100]", "text "]
        for _ in 0..<3000 {
            var text = generator.text(pieces, count: 0...12)
            let fast = text.withUTF8 { NumberedReferences.marks(in: $0) }
            let plain = PlainNumberedMarks.marks(text)
            #expect(fast.map(\.offset) == plain.map(\.offset) && fast.map(\.numbers) == plain.map(\.numbers), "\(text.debugDescription)")
        }
    }

    /// `ProseBlock`'s text and marks (`appendText` skips from bracket to bracket) against a regular expression over
    /// each text node, and `string(_:)` against a plain decoding.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func proseBlockMarksMatchAPlainScan(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let pieces = ["word", " ", "[", "]", "@", "^", "[@key]", "[^n1]", "[@a b]", "[^]", "[@]", "é", "抑郁症", "\u{301}", "x", "[@k[", "[^é]", "1",
                      "[@𝔘]"]
        let mark = try Regex(#"\[[@^][^\] \[]+\]"#).matchingSemantics(.unicodeScalar)
        for _ in 0..<700 {
            let line = "P " + generator.text(pieces, count: 0...14)
            let tree = MarkdownTree(line + "\n", firstLine: 3)
            let paragraph = try #require(tree.root.first { $0.kind == .paragraph })
            let block = ProseBlock(inlinesOf: paragraph)
            var text: [UInt8] = [], marks: [CitationMark] = []
            for node in paragraph.children {
                guard node.kind == .text, let literal = node.literal else {
                    Issue.record("unexpected \(node.kind) in \(line.debugDescription)")
                    continue
                }
                let utf8 = Array(literal.utf8)
                func offset(_ index: String.Index) -> Int { literal.utf8.distance(from: literal.startIndex, to: index) }
                var last = 0
                for match in literal.matches(of: mark) {
                    let lower = offset(match.range.lowerBound), upper = offset(match.range.upperBound)
                    text += utf8[last..<lower]
                    let label = String(decoding: utf8[(lower + 2)..<(upper - 1)], as: UTF8.self)
                    let kind: CitationMark.Kind = utf8[lower + 1] == UInt8(ascii: "@") ? .reference(key: label) : .undefinedFootnote(label: label)
                    let column = node.start.column + String(decoding: utf8[..<lower], as: UTF8.self).unicodeScalars.count
                    marks.append(CitationMark(kind: kind, offset: text.count, position: TextPosition(line: node.start.line, column: column)))
                    last = upper
                }
                text += utf8[last...]
            }
            #expect(block.text == text, "\(line.debugDescription)")
            #expect(block.marks == marks, "\(line.debugDescription)")
            let starts = block.text.indices.filter { block.text[$0] & 0xC0 != 0x80 } + [block.text.count]
            for _ in 0..<4 {
                let a = generator.pick(starts), b = generator.pick(starts)
                let range = min(a, b)..<max(a, b)
                #expect(block.string(range) == String(decoding: block.text[range], as: UTF8.self))
            }
        }
    }

    /// The parser's scan for the footnote definitions cmark-gfm drops (a byte scan of every line) against a plain
    /// split into lines: every label written at a line start (after at most three spaces) as `[^label]:` that cmark-gfm
    /// did not keep is added once, at its first `[`, flagged unreferenced.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func unreferencedFootnoteDefinitionsMatchAPlainLineScan(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let pieces = ["[^", "[", "^", "]", ":", "]:", "a", "b", "c", "é", "抑郁", " ", "x", "\t", "[^a]:", "[^c]: C.", "[^é]:"]
        for _ in 0..<500 {
            let lines = (0..<generator.int(0...5)).map { _ in
                String(repeating: " ", count: generator.int(0...5)) + generator.text(pieces, count: 0...6)
            }
            let body = lines.joined(separator: "\n") + (generator.next() % 2 == 0 ? "\n" : "")
            let firstLine = generator.int(3...9)
            // "a" and "b" are cited before the random lines, so cmark-gfm keeps their definitions when it finds them.
            let tree = MarkdownTree("See [^a] and [^b].\n\n" + body, firstLine: firstLine - 2)
            let definitions = Array(tree.root.children.filter { $0.kind == .footnoteDefinition })
            let kept = Set(definitions.filter { !$0.record.flags.contains(.unreferenced) }.map { $0.literal ?? "" })
            let added = definitions.filter { $0.record.flags.contains(.unreferenced) }.map { "\($0.start) \($0.literal ?? "")" }
            var plain: [String] = [], seen: Set<String> = []
            for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let spaces = line.prefix { $0 == " " }.count
                let rest = line.dropFirst(spaces).unicodeScalars
                guard spaces <= 3, rest.starts(with: "[^".unicodeScalars), let close = rest.dropFirst(2).firstIndex(of: "]"),
                      rest[rest.index(after: close)...].first == ":" else { continue }
                let label = String(String.UnicodeScalarView(rest[rest.index(rest.startIndex, offsetBy: 2)..<close]))
                guard !label.isEmpty, !kept.contains(label), seen.insert(label).inserted else { continue }
                plain.append("\(firstLine + index):\(spaces + 1) \(label)")
            }
            #expect(added == plain, "\(body.debugDescription)")
        }
    }

    /// `Suppression` (`@unchecked Sendable`, its use count mutable): posts checked on all cores at once, compared with
    /// the counts worked out by hand from which paragraphs follow a `claim-ok` comment.
    @Test(arguments: [1, 2] as [UInt64])
    func suppressionCountsHoldWhenPostsAreCheckedInParallel(seed: UInt64) throws {
        let checker = ClaimChecker()
        let claims = ["Studies show that 90% of patients improve.", "A recent trial found that 6 in 10 patients improved."]
        let neutral = ["We are open on Monday.", "Parking is behind the building."]
        func findings(_ body: String) -> [Diagnostic] { checker.check(MarkdownTree(body).root, file: "p.md").findings }
        for sentence in claims { try #require(findings(sentence + "\n").count == 1, "\(sentence) is one finding") }
        for sentence in neutral { try #require(findings(sentence + "\n").isEmpty, "\(sentence) is no finding") }

        var generator = SeededGenerator(seed: seed)
        var posts: [(body: String, suppressed: Int, unused: Int, uncited: Int)] = []
        for _ in 0..<300 {
            var blocks: [String] = []
            var suppressed = 0, unused = 0, uncited = 0
            for _ in 0..<generator.int(1...6) {
                let sentences = (0..<generator.int(1...3)).map { _ in generator.pick(claims + neutral) }
                let claimCount = sentences.filter(claims.contains).count
                if generator.next() % 3 == 0 {
                    blocks.append("<!-- claim-ok: reviewed by Dr. Lee -->")
                    suppressed += claimCount
                    if claimCount == 0 { unused += 1 }
                } else {
                    uncited += claimCount
                }
                blocks.append(sentences.joined(separator: " "))
            }
            posts.append((blocks.joined(separator: "\n\n") + "\n", suppressed, unused, uncited))
        }
        let analyses = posts.map(\.body).parallelMap { body in checker.check(MarkdownTree(body).root, file: "p.md") }
        for (post, analysis) in zip(posts, analyses) {
            let rules = analysis.findings.map(\.rule)
            #expect(analysis.suppressedClaims == post.suppressed, "\(post.body.debugDescription)")
            #expect(rules.filter { $0 == ClaimRule.claimSuppressed.rawValue }.count == post.suppressed, "\(post.body.debugDescription)")
            #expect(rules.filter { $0 == ClaimRule.suppressionUnused.rawValue }.count == post.unused, "\(post.body.debugDescription)")
            #expect(rules.filter { $0.hasPrefix("uncited-") }.count == post.uncited, "\(post.body.debugDescription)")
        }
    }

    /// Words longer than the tokenizer's stack buffer (`maximumSpelling` bytes): ranges as `PlainTokenizer` reads them,
    /// stems from the first bytes of the plainly spelled word.
    @Test func wordsLongerThanTheSpellingBufferAreCut() {
        var generator = SeededGenerator(seed: 17)
        let letters = ["a", "Z", "é", "日", "q", "7", "'s", "’t", "x"]
        for _ in 0..<400 {
            // Spelled (apostrophes dropped) in about `maximumSpelling` bytes, a few more or fewer.
            let length = ClaimWords.maximumSpelling + generator.int(-4...4)
            var word = "", spelled = 0
            while spelled < length {
                let piece = generator.pick(letters)
                word += piece
                spelled += piece.utf8.count - (piece.hasPrefix("'") ? 1 : piece.hasPrefix("’") ? 3 : 0)
            }
            let text = generator.pick(["", "A ", "50% "]) + word + generator.pick(["", " study", ", é", "-x"])
            let words = ClaimWords.tokenize(text)
            let plain = PlainTokenizer.tokenize(text)
            #expect(words.map(\.kind) == plain.map(\.0) && words.map(\.range) == plain.map(\.1), "\(text.debugDescription)")
            let utf8 = Array(text.utf8)
            for word in words where word.kind == .word {
                // Lower case for ASCII only, apostrophes dropped: the spelling the stem is made of.
                var spelling: [UInt8] = []
                for scalar in String(decoding: utf8[word.range], as: UTF8.self).unicodeScalars where scalar != "'" && scalar != "’" {
                    spelling += scalar.isASCII ? Array(String(scalar).lowercased().utf8) : Array(String(scalar).utf8)
                }
                #expect(word.stem == FNV.hash(ClaimWords.stem(Array(spelling.prefix(ClaimWords.maximumSpelling)))), "\(text.debugDescription)")
            }
        }
    }

    /// `ClaimClassifier.lastByte` against `last(where:)`.
    @Test func lastByteMatchesLastWhere() {
        var generator = SeededGenerator(seed: 23)
        let skipped: Set<UInt8> = [0x20, 0x22, 0x29, 0x2A, 0x5F, 0x27]
        for _ in 0..<2000 {
            let bytes = generator.bytes(upTo: 20, from: Array(" \")*_'?.a".utf8) + [0xC3, 0xA9])
            let fast = bytes.withUnsafeBufferPointer { ClaimClassifier.lastByte($0) }
            #expect(fast == bytes.last { !skipped.contains($0) }, "\(bytes)")
        }
    }
}

/// `SentenceSplitter`'s rules, written plainly over Unicode scalars with Swift's own Unicode properties. Only the
/// abbreviations the random text uses are listed (the generator writes no other word of the splitter's lists).
enum PlainSentences {
    static let abbreviations: Set<String> = ["dr", "e.g", "u.s", "etc"]
    static let numberAbbreviations: Set<String> = ["no", "p"]
    static let closers: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "”", "’", "»"]
    static let openers: Set<Unicode.Scalar> = ["\"", "'", "“", "‘", "(", "[", "«", "¡", "¿"]

    static func split(_ text: String) -> [Range<Int>] {
        let s = Array(text.unicodeScalars)
        let offsets = scalarOffsets(text)
        func isWhite(_ k: Int) -> Bool { s[k].properties.isWhitespace }
        func isAlpha(_ k: Int) -> Bool { s[k].properties.isAlphabetic }
        var sentences: [Range<Int>] = []
        func append(_ lower: Int, _ upper: Int) {
            var lower = lower, upper = upper
            while lower < upper, isWhite(lower) { lower += 1 }
            while upper > lower, isWhite(upper - 1) { upper -= 1 }
            if lower < upper { sentences.append(offsets[lower]..<offsets[upper]) }
        }
        func isBoundary(mark: Int, end: Int) -> Bool {
            guard end < s.count else { return true }
            guard isWhite(end) else { return false }
            var next = end
            while next < s.count, isWhite(next) { next += 1 }
            guard next < s.count else { return true }
            let first = s[next]
            let digit = ("0"..."9").contains(first)
            guard first.properties.isUppercase || digit || openers.contains(first) else { return false }
            guard s[mark] == "." else { return true }
            var start = mark
            while start > 0 {
                if isAlpha(start - 1) {
                    start -= 1
                } else if s[start - 1] == ".", start - 1 > 0, isAlpha(start - 2) {
                    start -= 1
                } else {
                    break
                }
            }
            if mark - start == 1, s[start].properties.isUppercase { return false }  // an initial
            let word = String(String.UnicodeScalarView(s[start..<mark])).lowercased()
            return !(abbreviations.contains(word) || (numberAbbreviations.contains(word) && digit))
        }
        var start = 0, k = 0
        while k < s.count {
            guard [".", "!", "?", "…"].contains(s[k]) else {
                k += 1
                continue
            }
            var end = k + 1
            while end < s.count, [".", "!", "?"].contains(s[end]) { end += 1 }
            while end < s.count, closers.contains(s[end]) { end += 1 }
            if isBoundary(mark: k, end: end) {
                append(start, end)
                start = end
            }
            k = end
        }
        append(start, s.count)
        return sentences
    }
}

/// `NumberedReferences.marks`, read plainly: a bracket holding only digits, commas, spaces, hyphens and en dashes,
/// ending in a digit, each number at most 999; a number followed directly by a dash starts a range to the next
/// number (50 at most).
enum PlainNumberedMarks {
    static func marks(_ text: String) -> [(offset: Int, numbers: [Int])] {
        let s = Array(text.unicodeScalars)
        let offsets = scalarOffsets(text)
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
        var found: [(Int, [Int])] = []
        var k = 0
        while k < s.count {
            guard s[k] == "[", let close = s[(k + 1)...].firstIndex(of: "]") else {
                k += 1
                continue
            }
            let inside = s[(k + 1)..<close]
            guard let last = inside.last, isDigit(last), inside.allSatisfy({ isDigit($0) || [",", " ", "-", "–"].contains($0) }) else {
                k += 1
                continue
            }
            var numbers: [(value: Int?, dashAfter: Bool)] = []
            var digits = ""
            for c in inside {
                if isDigit(c) {
                    digits.unicodeScalars.append(c)
                } else if !digits.isEmpty {
                    numbers.append((value(digits), c == "-" || c == "–"))
                    digits = ""
                }
            }
            numbers.append((value(digits), false))
            guard numbers.allSatisfy({ $0.value != nil }) else {
                k += 1
                continue
            }
            var result: [Int] = []
            var from: Int?
            for (value, dashAfter) in numbers {
                if let start = from {
                    result += Array(start...max(start, min(value!, start + 50)))
                    from = nil
                } else {
                    result.append(value!)
                }
                if dashAfter { from = result.removeLast() }
            }
            found.append((offsets[k], result))
            k = close + 1
        }
        return found
    }

    /// The number, or nil above 999.
    private static func value(_ digits: String) -> Int? {
        let significant = digits.drop { $0 == "0" }
        return significant.count > 3 ? nil : Int(significant) ?? 0
    }
}

// MARK: - ClinicPressModel

@Suite struct ModelUnsafeCodeTests {
    /// Counts the `Tracked` objects alive, to see that `ResultSlots` neither leaks nor frees a result twice.
    final class Counter: Sendable {
        let live = Atomic<Int>(0)
        var value: Int { live.load(ordering: .sequentiallyConsistent) }
    }

    final class Tracked: Sendable {
        let value: String
        let counter: Counter
        init(_ value: String, _ counter: Counter) {
            self.value = value
            self.counter = counter
            _ = counter.live.wrappingAdd(1, ordering: .sequentiallyConsistent)
        }
        deinit { _ = counter.live.wrappingSubtract(1, ordering: .sequentiallyConsistent) }
    }

    /// `parallelMap` (raw result slots written from many threads) against a serial `map`.
    @Test(arguments: [1, 2] as [UInt64])
    func parallelMapMatchesASerialMap(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let counter = Counter()
        for _ in 0..<100 {
            let count = generator.next() % 2 == 0 ? generator.pick(boundaryLengths) : generator.int(0...3000)
            let input = (0..<count).map { _ in generator.int(0...1_000_000) }
            do {
                let results = input.parallelMap { Tracked("\($0 &* 31)", counter) }
                withExtendedLifetime(results) {
                    #expect(results.map(\.value) == input.map { "\($0 &* 31)" })
                    #expect(counter.value == count)
                }
            }
            #expect(counter.value == 0)
        }
    }

    /// `Markup.escape` (bytes skipped for C1 controls and noncharacters) against a plain escaping of scalars.
    @Test(arguments: [1, 2] as [UInt64])
    func markupEscapingMatchesAPlainEscaping(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let pieces = ["a", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{0}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "é", "\u{FFFE}",
                      "\u{FFFF}", "\u{FFFD}", "\u{FFEF}", "\u{FEFF}", "\u{C2}", "抑", "𝔘"]
        func plain(_ text: String, dropping: Bool) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default:
                    let value = scalar.value
                    let control = (value < 0x20 && scalar != "\t" && scalar != "\n") || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF
                    if !(dropping && control) { out.unicodeScalars.append(scalar) }
                }
            }
            return out
        }
        for _ in 0..<3000 {
            let text = generator.text(pieces, count: 0...10)
            #expect(Markup.escape(text) == plain(text, dropping: true), "\(text.debugDescription)")
            #expect(Markup.escape(text, droppingControlCharacters: false) == plain(text, dropping: false), "\(text.debugDescription)")
        }
    }

    /// `JSON`'s string escaping (found by bytes, plain runs copied whole) against an escaping of Unicode scalars, with
    /// and without `htmlSafe`, inside an object and an array, compact and pretty.
    @Test(arguments: [1, 2] as [UInt64])
    func jsonStringEscapingMatchesAPlainEscaping(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let pieces = ["a", "Z", "&", "<", ">", "\"", "\\", "/", "\t", "\n", "\r", "\u{0}", "\u{1}", "\u{F}", "\u{10}", "\u{1F}", "\u{7F}",
                      "é", "’", "–", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{E2}", "抑", "𝔘", "e\u{301}"]
        func plain(_ text: String, htmlSafe: Bool) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "<" where htmlSafe: out += "\\u003c"
                case ">" where htmlSafe: out += "\\u003e"
                case "&" where htmlSafe: out += "\\u0026"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        for _ in 0..<3000 {
            let key = generator.text(pieces, count: 0...4), text = generator.text(pieces, count: 0...12)
            for htmlSafe in [false, true] {
                #expect(JSON.string(text).serialized(htmlSafe: htmlSafe) == plain(text, htmlSafe: htmlSafe), "\(text.debugDescription)")
                let object = JSON.object([JSON.Member(key, .array([.string(text), .int(-7), .bool(true), .null]))])
                #expect(object.serialized(htmlSafe: htmlSafe)
                        == "{" + plain(key, htmlSafe: htmlSafe) + ":[" + plain(text, htmlSafe: htmlSafe) + ",-7,true,null]}")
                #expect(object.serialized(htmlSafe: htmlSafe, pretty: true)
                        == "{\n  " + plain(key, htmlSafe: htmlSafe) + ": [\n    " + plain(text, htmlSafe: htmlSafe) + ",\n    -7,\n    true,\n    null\n  ]\n}")
            }
        }
    }

    /// `containsBytes`, `String(scalars:)` and `Array(scalarsOf:)` against the plain library calls.
    @Test func scalarTextHelpersMatchTheLibrary() {
        var generator = SeededGenerator(seed: 29)
        let pieces = ["a", "b", "ab", "é", "e\u{301}", "\u{301}", "抑", "𝔘"]
        for _ in 0..<3000 {
            let haystack = generator.text(pieces, count: 0...8), needle = generator.text(pieces, count: 0...2)
            let plain = needle.isEmpty || Array(haystack.utf8).firstRange(of: Array(needle.utf8)) != nil
            #expect(haystack.containsBytes(needle) == plain, "\(haystack.debugDescription) \(needle.debugDescription)")
            #expect(Array(haystack.utf8).withUnsafeBufferPointer { $0.containsBytes(needle) } == plain)
            let tail = haystack.dropFirst()
            #expect(tail.containsBytes(needle) == (needle.isEmpty || Array(tail.utf8).firstRange(of: Array(needle.utf8)) != nil))
            let scalars = Array(haystack.unicodeScalars)
            #expect(String(scalars: scalars[...]) == String(String.UnicodeScalarView(scalars)))
            #expect([Unicode.Scalar](scalarsOf: haystack) == scalars)
        }
    }
}

// MARK: - Files: ClinicPressContent, ClinicPressRender, ClinicPressSite

// MARK: - ClinicPressSite

@Suite struct SiteUnsafeCodeTests {
    /// `RenderStage.wordCount` (unaligned 8-byte loads) against a byte-by-byte count, at every alignment, with words
    /// right before and after the range.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func wordCountMatchesAPlainCount(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let pieces = [" ", "  ", "\t", "\n", "a", "word", "é", "日本", "-", "\r", "x y"]
        for _ in 0..<2000 {
            let bytes = Array(generator.text(pieces, count: 0...generator.pick([3, 9, 40])).utf8)
            var plain = 0, inWord = false
            for byte in bytes {
                let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A
                if !isSpace, !inWord { plain += 1 }
                inWord = !isSpace
            }
            let offset = generator.int(0...7)
            let buffer = [UInt8](repeating: 0x61, count: offset) + bytes + [UInt8](repeating: 0x61, count: 8)
            let fast = buffer.withUnsafeBufferPointer { RenderStage.wordCount(UnsafeBufferPointer(rebasing: $0[offset..<(offset + bytes.count)])) }
            #expect(fast == plain, "\(bytes) at offset \(offset)")
        }
    }
}

@Suite struct FileUnsafeCodeTests {
    /// File names of random lengths (boundary lengths and the 255-byte maximum among them), in several scripts.
    static func randomNames(_ generator: inout SeededGenerator, count: Int) -> [String] {
        let pieces = ["a", "B", "é", "抑郁", "𝔘", "-", "_", " ", ".", "x", "7"].map { Array($0.utf8) }
        var names: Set<String> = []
        while names.count < count {
            let short = generator.int(1...60)
            let length = generator.next() % 4 == 0 ? max(1, generator.pick(boundaryLengths)) : generator.pick([short, short, 255])
            // Whole pieces only, so the name stays UTF-8; at most `length` bytes, at least one piece.
            var name = generator.pick(["n", "É", "抑"]).utf8.map { $0 }
            while name.count < length {
                let piece = generator.pick(pieces)
                if name.count + piece.count > length { break }
                name += piece
            }
            names.insert(String(decoding: name, as: UTF8.self))
        }
        return names.sorted()
    }

    /// `FolderListing.names` (readdir's d_name) against FileManager, hidden names included.
    @Test func folderListingMatchesFileManager() throws {
        var generator = SeededGenerator(seed: 31)
        for _ in 0..<3 {
            let folder = TemporaryDirectory()
            let names = Self.randomNames(&generator, count: generator.int(0...120)) + [".hidden"]
            for name in names {
                let url = folder.url.appendingPathComponent(name)
                if generator.next() % 4 == 0 {
                    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
                } else {
                    #expect(FileManager.default.createFile(atPath: url.path, contents: Data(name.utf8)))
                }
            }
            let listed = try FolderListing.names(atPath: folder.url.path).get()
            let plain = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
            #expect(listed.sorted() == plain.sorted())
            #expect(listed.sorted() == names.sorted())
        }
    }

    /// `Theme`'s folder listing (readdir's d_name, again) through `load`: assets under random names.
    @Test func themeAssetsUnderRandomNamesAreAllListed() throws {
        var generator = SeededGenerator(seed: 37)
        let builtIn = try Theme.builtIn().assets
        for _ in 0..<2 {
            let templates = TemporaryDirectory()
            var expected = Dictionary(uniqueKeysWithValues: builtIn.map { ($0.path, $0.contents) })
            for name in Self.randomNames(&generator, count: 40) {
                let relative = generator.next() % 3 == 0 ? "assets/sub/" + name : "assets/" + name
                templates.write(relative, "asset \(name)")
                expected[relative] = Array("asset \(name)".utf8)
            }
            templates.write("assets/.hidden", "not published")
            let assets = try Theme.load(templatesDirectory: templates.url).assets
            #expect(assets.map(\.path) == expected.keys.sorted())
            for asset in assets { #expect(asset.contents == expected[asset.path], "\(asset.path)") }
        }
    }

    /// `SourceText.read` (read(2) into uninitialized array storage, memchr for carriage returns) against Foundation's
    /// reading and the same decoding rules written plainly.
    @Test func sourceTextReadsFilesAsFoundationDoes() throws {
        var generator = SeededGenerator(seed: 41)
        let folder = TemporaryDirectory()
        let pieces: [[UInt8]] = [Array("a".utf8), Array("line ".utf8), [0x0D], [0x0A], [0x0D, 0x0A], Array("é".utf8), Array("抑郁".utf8),
                                 [0xEF, 0xBB, 0xBF], [0xFF], [0xC3], [0x80]]
        for index in 0..<200 {
            var bytes: [UInt8] = []
            let target = generator.next() % 3 == 0 ? generator.pick(boundaryLengths) : generator.int(0...200)
            // Mostly valid text: invalid bytes one time in four.
            let valid = generator.next() % 4 != 0
            while bytes.count < target {
                let piece = generator.pick(pieces)
                if valid, piece == [0xFF] || piece == [0xC3] || piece == [0x80] { continue }
                bytes += piece
            }
            // A few files larger than one read's worth: the text repeated.
            if index % 60 == 0 { bytes = Array(repeating: bytes + Array("x\r\n".utf8), count: 70_000 / (bytes.count + 3) + 1).flatMap { $0 } }
            if generator.next() % 4 == 0 { bytes = [0xEF, 0xBB, 0xBF] + bytes }
            let relative = "f\(index).md"
            let url = folder.url.appendingPathComponent(relative)
            try Data(bytes).write(to: url)

            var plainBytes = [UInt8](try Data(contentsOf: url))[...]
            if plainBytes.starts(with: [0xEF, 0xBB, 0xBF]) { plainBytes = plainBytes.dropFirst(3) }
            let plain = String(validating: plainBytes, as: UTF8.self)
                .map { $0.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") }
            switch SourceText.read(path: url.path, relativePath: relative, sizeLimit: SourceText.postSizeLimit) {
            case .success(let text):
                #expect(text == plain, "\(relative): \(bytes.prefix(40))")
            case .failure(let diagnostic):
                #expect(plain == nil && diagnostic.rule == "encoding", "\(relative): \(diagnostic)")
            }
        }
    }

    /// `OutputWriter` (`prepare` on another thread, `write` from several at once; file bytes handed to C): random files,
    /// some kept, some changed in one byte at the same length (so not hard-linked from the previous output), about half
    /// written as they come and the rest by `finish`, read back; the digest is the one of the files in memory.
    @Test func outputWriterWritesExactlyTheFilesItIsGiven() throws {
        var generator = SeededGenerator(seed: 43)
        let root = TemporaryDirectory()
        let site = root.url.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        let output = root.url.appendingPathComponent("Public")
        var previous: [String: [UInt8]] = [:]
        for _ in 0..<4 {
            var files: [String: [UInt8]] = [:]
            for (path, contents) in previous where generator.next() % 3 != 0 {
                var changed = contents
                if generator.next() % 2 == 0 {
                    if changed.isEmpty { changed = [1] } else { changed[generator.int(0...(changed.count - 1))] ^= 0x01 }
                }
                files[path] = changed
            }
            for _ in 0..<generator.int(5...30) {
                let depth = generator.int(0...3)
                let path = (0..<depth).map { _ in "d\(generator.int(0...2))" }.joined(separator: "/") + (depth > 0 ? "/" : "") + "f\(generator.int(0...99)).html"
                let small = generator.int(0...300)
                let count = generator.next() % 10 == 0 ? generator.int(60_000...70_000) : generator.pick(boundaryLengths + [small])
                files[path] = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            }
            let writer = OutputWriter(outputDirectory: output, siteDirectory: site, hashFiles: true)
            var directories: Set<String> = []
            for path in files.keys {
                var folder = Substring(path)
                while let slash = folder.lastIndex(of: "/") {
                    folder = folder[..<slash]
                    directories.insert(String(folder))
                }
            }
            let all = files.map { OutputFile(path: $0.key, contents: $0.value) }.sorted { $0.path < $1.path }
            let streamed = all.filter { _ in generator.next() % 2 == 0 }
            let streamedPaths = Set(streamed.map(\.path))
            let group = DispatchGroup()
            let sorted = directories.sorted()
            // Folders are made in the background while the first files are written: `write` makes what it needs.
            DispatchQueue.global().async(group: group) { writer.prepare(sorted) }
            DispatchQueue.concurrentPerform(iterations: streamed.count) { writer.write(streamed[$0]) }
            group.wait()
            let (written, entries) = try writer.finish(all.filter { !streamedPaths.contains($0.path) })
            #expect(written == files.count)
            #expect(OutputDigest.of(entries) == OutputDigest.of(all))
            let onDisk = filesBelow(output)
            #expect(Set(onDisk.keys) == Set(files.keys).union([OutputGuard.stampName]))
            for (path, contents) in files { #expect(onDisk[path].map { [UInt8]($0) } == contents, "\(path)") }
            previous = files
        }
    }
}

// MARK: - The preview: FileWatcher

@Suite struct PreviewUnsafeCodeTests {
    /// The paths a watcher reported.
    final class Reported: Sendable {
        let paths = Mutex<Set<String>>([])
    }

    /// `FileWatcher` (`@unchecked Sendable`; inotify events parsed from raw bytes): files created under random names,
    /// whose lengths cross the 16-byte padding of event names, are each reported, and nothing else is.
    @Test func fileWatcherReportsEachFileCreatedUnderARandomName() async throws {
        var generator = SeededGenerator(seed: 71)
        let site = TemporaryDirectory()
        for folder in ["Posts/a.comments", "Templates", "static/assets"] {
            try FileManager.default.createDirectory(at: site.url.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let reported = Reported()
        let watcher = try FileWatcher(siteDirectory: site.url) { changes in reported.paths.withLock { $0.formUnion(changes.map(\.description)) } }
        // A comment file is reported as its folder; posts', templates' and static files by their own paths.
        var expected: Set<String> = ["site.yaml", "Posts/a.comments"]
        site.write("site.yaml", "title: \"T\"\n")
        site.write("Posts/a.comments/2026-01-01-x.md", "x")
        for name in FileUnsafeCodeTests.randomNames(&generator, count: 60) {
            let path = generator.pick(["Posts", "Templates", "static/assets"]) + "/" + name
            site.write(path, name)
            if let change = SiteChange(path: path) { expected.insert(change.description) }
        }
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline, !expected.isSubset(of: reported.paths.withLock { $0 }) {
            try await Task.sleep(for: .milliseconds(10))
        }
        let seen = reported.paths.withLock { $0 }
        #expect(expected.subtracting(seen).isEmpty, "not reported: \(expected.subtracting(seen).sorted())")
        #expect(seen.subtracting(expected).isEmpty, "reported but not written: \(seen.subtracting(expected).sorted())")
        withExtendedLifetime(watcher) {}
    }
}
