/// One word of a sentence as the claim classifier sees it: a lightly stemmed, lower-cased spelling (as a hash),
/// and where it stands in the sentence's bytes.
struct ClaimWord: Sendable, Equatable {
    /// What the word is, for rules that need more than its spelling.
    enum Kind: UInt8, Sendable {
        case word
        /// Digits, with inner `,` or `.` ("1,200", "0.5"); its spelling is the shape `<num>`, `<pct>` or `<year>`.
        case number
    }

    var kind: Kind
    /// FNV-1a hash of the stem (`ClaimWords.stem`), or of the number's shape.
    var stem: UInt64
    /// The bytes of the word in the sentence (for a percentage, the `%` included).
    var range: Range<Int>
}

/// Splits a sentence (UTF-8 bytes) into `ClaimWord`s. Letters are ASCII letters and every non-ASCII character but
/// punctuation (so accented words stay whole, and curly quotes and dashes do not stick to words); an apostrophe
/// inside a word is dropped ("don't", "don’t" → "dont"); hyphens, slashes and other punctuation separate words ("FDA-approved" → "fda", "approved"). A number followed by `%` or the word "percent"
/// reads `<pct>`; one after a currency sign `<money>`; a four-digit number from 1900 to 2099 reads `<year>`; any
/// other number `<num>`.
enum ClaimWords {
    static let numberShape = FNV.hash("<num>")
    static let percentShape = FNV.hash("<pct>")
    static let yearShape = FNV.hash("<year>")
    static let moneyShape = FNV.hash("<money>")
    private static let percentWord = FNV.hash(stem(Array("percent".utf8)))

    /// Tokenizes `bytes` into `words` (emptied first; its storage is reused from sentence to sentence).
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into words: inout [ClaimWord]) {
        words.removeAll(keepingCapacity: true)
        // Each word's spelling (lower case, apostrophes dropped) is written into a buffer on the stack; a word's first
        // `maximumSpelling` bytes make its stem. Every write checks `length < maximumSpelling` (the capacity), and the
        // buffer is used only during the call. `ClaimClassifierTests` and `UnsafeCodeTests` compare words of every length
        // with plain tokenizing and stemming.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumSpelling) { spelling in
            tokenize(bytes, into: &words, spelling: spelling)
        }
    }

    /// How many bytes of a word make its stem: longer "words" are URLs or noise.
    static let maximumSpelling = 64

    private static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into words: inout [ClaimWord], spelling: UnsafeMutableBufferPointer<UInt8>) {
        // Globals read once, not once per word (each read checks that it is initialised).
        let (numberShape, percentShape, moneyShape, yearShape, percentWord) = (numberShape, percentShape, moneyShape, yearShape, percentWord)
        var i = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            if isDigit(byte) {
                let start = i
                var digits = 0
                var value = 0
                while i < n, isDigit(bytes[i]) || ((bytes[i] == 0x2C || bytes[i] == 0x2E) && i + 1 < n && isDigit(bytes[i + 1]) && i > start) {
                    if isDigit(bytes[i]) {
                        digits += 1
                        if digits <= 6 { value = value * 10 + Int(bytes[i] - 0x30) }
                    }
                    i += 1
                }
                var end = i
                var shape = numberShape
                if i < n, bytes[i] == 0x25 {  // %
                    shape = percentShape
                    i += 1
                    end = i
                } else if isCurrency(bytes, before: start) {
                    shape = moneyShape
                } else if digits == 4, (1900...2099).contains(value), end - start == 4 {
                    shape = yearShape
                }
                words.append(ClaimWord(kind: .number, stem: shape, range: start..<end))
            } else if isLetter(byte), punctuationLength(bytes, at: i) == 0 {
                let start = i
                var length = 0
                while i < n {
                    // Eight bytes at a time while they are ASCII letters and digits: lower-cased together into the
                    // spelling. The load reads `i..<i + 8` (inside `bytes`), the store `length..<length + 8` (inside the
                    // buffer, whose capacity is `maximumSpelling`); bytes stored past the run are overwritten or never read.
                    if i + 8 <= n, length + 8 <= maximumSpelling, let base = bytes.baseAddress, let out = spelling.baseAddress {
                        let chunk = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                        let run = asciiLettersAndDigits(leading: chunk)
                        if run > 0 {
                            UnsafeMutableRawPointer(out + length).storeBytes(of: chunk | 0x2020_2020_2020_2020, as: UInt64.self)
                            length += run
                            i += run
                            if run == 8 { continue }
                            if i >= n { break }
                        }
                    }
                    let b = bytes[i]
                    if b < 0x80 {
                        // ASCII: a letter or digit joins the word (lower-cased: digits have the 0x20 bit already), an
                        // apostrophe between letters is skipped, anything else ends the word.
                        if (b &- 0x30) < 10 || ((b | 0x20) &- 0x61) < 26 {
                            if length < maximumSpelling {
                                spelling[length] = b | 0x20
                                length += 1
                            }
                            i += 1
                        } else if b == 0x27, i + 1 < n, isLetter(bytes[i + 1]), punctuationLength(bytes, at: i + 1) == 0 {
                            i += 1
                        } else {
                            break
                        }
                    } else if b == 0xE2, i + 3 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 {  // ’ inside a word
                        guard isLetter(bytes[i + 3]), punctuationLength(bytes, at: i + 3) == 0 else { break }
                        i += 3
                    } else if punctuationLength(bytes, at: i) > 0 {
                        break
                    } else {
                        if length < maximumSpelling {
                            spelling[length] = b
                            length += 1
                        }
                        i += 1
                    }
                }
                let hash = stemHash(UnsafeBufferPointer(rebasing: spelling[..<length]))
                if hash == percentWord, let last = words.last, last.kind == .number, last.stem != percentShape {
                    words[words.count - 1].stem = percentShape
                    words[words.count - 1].range = last.range.lowerBound..<i
                } else {
                    words.append(ClaimWord(kind: .word, stem: hash, range: start..<i))
                }
            } else {
                i += max(1, punctuationLength(bytes, at: i))
            }
        }
    }

    /// How many of the eight bytes of `chunk` (first byte lowest) are ASCII letters or digits before the first that is
    /// not, 0 to 8: per byte, `0x30...0x39`, or `0x61...0x7A` once lower-cased, with the high bit clear. Each sum stays
    /// below 0x100 within its byte (the high bits are cleared first), so no carry crosses bytes.
    @inline(__always) static func asciiLettersAndDigits(leading chunk: UInt64) -> Int {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low = chunk & 0x7F7F_7F7F_7F7F_7F7F
        let digit = (low &+ 0x5050_5050_5050_5050) & ~(low &+ 0x4646_4646_4646_4646)
        let lower = low | 0x2020_2020_2020_2020
        let letter = (lower &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(lower &+ 0x0505_0505_0505_0505)
        let wordBytes = (digit | letter) & ~chunk & high
        return (~wordBytes & high).trailingZeroBitCount >> 3
    }

    /// A currency sign right before `start`: `$`, `£` (C2 A3) or `€` (E2 82 AC). A price is no health figure.
    /// Each read at `start - k` is checked `start >= k` first.
    static func isCurrency(_ bytes: UnsafeBufferPointer<UInt8>, before start: Int) -> Bool {
        if start >= 1, bytes[start - 1] == 0x24 { return true }
        if start >= 2, bytes[start - 2] == 0xC2, bytes[start - 1] == 0xA3 { return true }
        return start >= 3 && bytes[start - 3] == 0xE2 && bytes[start - 2] == 0x82 && bytes[start - 1] == 0xAC
    }

    /// The width of a non-ASCII punctuation mark at `i`: the General Punctuation block (U+2000–U+206F: curly quotes,
    /// dashes, ellipsis, thin spaces), currency signs (U+20A0–U+20BF: €) and Latin-1's no-break space and marks
    /// (U+00A0–U+00BF: « », °, £); 0 otherwise.
    /// Other non-ASCII bytes are letters. Each read past `i` is checked against `bytes.count` first.
    static func punctuationLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        guard i < bytes.count, bytes[i] >= 0xC2 else { return 0 }
        if bytes[i] == 0xE2, i + 2 < bytes.count,
           bytes[i + 1] == 0x80 || (bytes[i + 1] == 0x81 && bytes[i + 2] <= 0xAF) || (bytes[i + 1] == 0x82 && bytes[i + 2] >= 0xA0) { return 3 }
        if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] >= 0xA0, bytes[i + 1] <= 0xBF { return 2 }
        return 0
    }

    /// Tokenizes a string (tests, lexicon phrases, site settings).
    static func tokenize(_ text: String) -> [ClaimWord] {
        var words: [ClaimWord] = []
        var text = text
        text.withUTF8 { tokenize($0, into: &words) }
        return words
    }

    /// A light stemmer, the same for the lexicon, the model and the text, so that "improves", "improved" and
    /// "improving" meet at "improv": -ies → -y; a final -s (not -ss, -us, -is) dropped; then -ing or -ed dropped
    /// from longer words; then a final -e dropped from words of five letters or more.
    static func stem(_ word: [UInt8]) -> [UInt8] {
        word.withUnsafeBufferPointer { bytes in
            let (length, endsInY) = stemmed(bytes)
            return Array(bytes[..<length]) + (endsInY ? [UInt8(ascii: "y")] : [])
        }
    }

    /// The FNV-1a hash of `stem(word)`, without building the stem (it runs for every word of every sentence).
    static func stemHash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let (length, endsInY) = stemmed(word)
        var hash = FNV.offset
        for index in 0..<length { hash = (hash ^ UInt64(word[index])) &* FNV.prime }
        if endsInY { hash = (hash ^ UInt64(UInt8(ascii: "y"))) &* FNV.prime }
        return hash
    }

    /// The stem as a prefix of the word, and whether a "y" follows it (-ies → -y).
    private static func stemmed(_ w: UnsafeBufferPointer<UInt8>) -> (length: Int, endsInY: Bool) {
        // Byte comparisons on the last letters; `ClaimClassifierTests` checks the result against plain suffix tests.
        let (s, i, e, d, u, n, g) = (UInt8(ascii: "s"), UInt8(ascii: "i"), UInt8(ascii: "e"), UInt8(ascii: "d"), UInt8(ascii: "u"),
                                     UInt8(ascii: "n"), UInt8(ascii: "g"))
        var count = w.count
        if count > 4, w[count - 1] == s, w[count - 2] == e, w[count - 3] == i { return (count - 3, true) }  // -ies → -y
        if count > 3, w[count - 1] == s, w[count - 2] != s, w[count - 2] != u, w[count - 2] != i { count -= 1 }  // not -ss, -us, -is
        if count > 5, w[count - 1] == g, w[count - 2] == n, w[count - 3] == i {
            count -= 3  // -ing
        } else if count > 4, w[count - 1] == d, w[count - 2] == e {
            count -= 2  // -ed
        }
        if count > 4, w[count - 1] == e { count -= 1 }
        return (count, false)
    }

    /// The stem of a word as text, for the trainer's feature names.
    static func stemText(_ word: String) -> String {
        String(decoding: stem(Array(word.lowercased().utf8)), as: UTF8.self)
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x80 }
}

/// 64-bit FNV-1a: a stable hash (the same in every run and on every machine) for stems and feature names, so the
/// weights file can name features as text and the classifier can look them up by hash.
enum FNV {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    static func hash(_ bytes: [UInt8]) -> UInt64 { add(bytes, to: offset) }
    static func hash(_ text: String) -> UInt64 { add(Array(text.utf8), to: offset) }

    static func add(_ bytes: some Sequence<UInt8>, to hash: UInt64) -> UInt64 {
        var h = hash
        for b in bytes { h = (h ^ UInt64(b)) &* prime }
        return h
    }

    /// Combines two hashes in order (a feature's prefix and its parts): MurmurHash3's 64-bit finaliser over the
    /// first times a large odd constant, xor the second.
    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var h = (a &* 0x9E37_79B9_7F4A_7C15) ^ b
        h = (h ^ (h >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        h = (h ^ (h >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }
}
