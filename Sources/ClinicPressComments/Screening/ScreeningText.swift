import Foundation

/// How a word is separated from the word before it.
enum WordBreak: Sendable {
    /// Whitespace, a hyphen or nothing at all.
    case none
    /// A comma, colon, semicolon, bracket, quote or dash: the end of a clause.
    case clause
    /// A full stop, question or exclamation mark, or a line break: the end of a sentence.
    case sentence
}

/// One word of a comment, lowercased, with where it came from.
struct Word: Sendable {
    /// The word lowercased, apostrophes folded to `'`. A link is its whole address, an email address `<email>`.
    var text: String
    /// `text` without a trailing possessive `'s` or `'`.
    var base: String
    /// True when `text` ends in `'s` (a possessive, or "is"/"has" contracted).
    var hasApostropheS: Bool
    /// True when the first letter was upper case in the comment.
    var capitalized: Bool
    /// True when the word is digits (with inner `.` or `,`), like `2.5` or `1,250`.
    var isNumber: Bool
    /// True for a link (Markdown link, URL, `www.` address or bare domain).
    var isLink: Bool
    /// True for an email address.
    var isEmail: Bool
    /// What separates this word from the previous one.
    var breakBefore: WordBreak
    /// Index of the sentence the word belongs to.
    var sentence: Int
    /// Offsets into `ScreeningText.scalars`.
    var start: Int
    var end: Int
}

/// A sentence: a range of word indices, and whether it ended with a question mark.
struct Sentence: Sendable {
    var words: Range<Int>
    var isQuestion: Bool
}

/// A comment prepared for screening: invisible and control characters removed, HTML entities decoded,
/// compatibility forms folded; a lowercase copy; link and email spans; words and sentences.
///
/// Everything is hand-scanned over arrays of Unicode scalars, in one or a few linear passes.
struct ScreeningText: Sendable {
    /// The normalised text.
    let scalars: [Unicode.Scalar]
    /// For each of `scalars`, the scalars of the text as written that it comes from (offsets into its
    /// `unicodeScalars`): what the contact scanner found is removed from the text itself (`ContactRedaction`).
    let origins: [Range<Int>]
    /// `scalars` lowercased scalar by scalar (same length and offsets).
    let lower: [Unicode.Scalar]
    /// Scalar ranges of links: Markdown links `[text](target)`, `http(s)://` URLs, `www.` addresses, bare domains.
    let links: [Range<Int>]
    /// Scalar ranges of plain email addresses (`name@example.com`, also with spaces around `@`).
    let emails: [Range<Int>]
    /// The words, links and email addresses, in order.
    let words: [Word]
    let sentences: [Sentence]

    init(_ text: String) {
        let (scalars, origins) = Self.normalise(text)
        self.scalars = scalars
        self.origins = origins
        var lower = scalars
        for i in lower.indices { lower[i] = Self.lowercase(lower[i]) }
        self.lower = lower
        let emails = Self.findEmails(lower)
        self.emails = emails
        let links = Self.findLinks(lower, excluding: emails)
        self.links = links
        (words, sentences) = Self.tokenise(scalars: scalars, lower: lower, links: links, emails: emails)
    }

    /// The scalars of the text as written (offsets into its `unicodeScalars`) that the normalised `range` comes from:
    /// from the first one's origin to the last one's, so whatever normalising dropped in between is included.
    func originalRange(of range: Range<Int>) -> Range<Int> {
        origins[range.lowerBound].lowerBound..<origins[range.upperBound - 1].upperBound
    }

    /// The lowercase text of a scalar range.
    func lowerString(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: lower[range])
        return String(view)
    }

    // MARK: Normalisation

    /// The normalised scalars, each with the range of `text`'s scalars it comes from. Compatibility forms are folded
    /// (NFKC) one character at a time, so that every folded scalar knows its character; canonical composition never
    /// crosses a character (grapheme cluster) boundary, so this is the fold of the whole text. ASCII folds to itself.
    static func normalise(_ text: String) -> (scalars: [Unicode.Scalar], origins: [Range<Int>]) {
        var folded: [Unicode.Scalar] = []
        var foldedOrigins: [Range<Int>] = []
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            folded = Array(text.unicodeScalars)
            foldedOrigins = (0..<folded.count).map { $0..<($0 + 1) }
        } else {
            folded.reserveCapacity(text.utf8.count)
            foldedOrigins.reserveCapacity(text.utf8.count)
            // A comment uses few distinct characters: fold each once.
            var foldings: [Character: [Unicode.Scalar]] = [:]
            var offset = 0
            for character in text {
                let count = character.unicodeScalars.count
                if character.isASCII {
                    for (k, scalar) in character.unicodeScalars.enumerated() {
                        folded.append(scalar)
                        foldedOrigins.append((offset + k)..<(offset + k + 1))
                    }
                } else {
                    let mapped = foldings[character] ?? {
                        let mapped = Array(String(character).precomposedStringWithCompatibilityMapping.unicodeScalars)
                        foldings[character] = mapped
                        return mapped
                    }()
                    folded += mapped
                    foldedOrigins += repeatElement(offset..<(offset + count), count: mapped.count)
                }
                offset += count
            }
        }
        let (input, inputOrigins) = decodeEntities(folded, origins: foldedOrigins)
        var out: [Unicode.Scalar] = []
        var origins: [Range<Int>] = []
        out.reserveCapacity(input.count)
        origins.reserveCapacity(input.count)
        for (s, origin) in zip(input, inputOrigins) {
            let mapped: Unicode.Scalar
            switch s.value {
            case 0x0A: mapped = s
            case 0x0D: mapped = "\n"
            case 0x09: mapped = " "
            case 0x2028, 0x2029, 0x85: mapped = "\n"
            case 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC, 0x0060, 0x00B4: mapped = "'"
            case 0x201C, 0x201D, 0x201E, 0x2033: mapped = "\""
            case 0x2010, 0x2011, 0x2012, 0x2212: mapped = "-"
            case 0x2013, 0x2014, 0x2015: mapped = "\u{2014}"
            case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: mapped = " "
            default:
                switch s.properties.generalCategory {
                case .control, .format, .surrogate, .privateUse, .unassigned, .nonspacingMark, .enclosingMark:
                    continue  // invisible: zero-width joiners, bidi overrides (U+202E), soft hyphens, combining marks
                default:
                    mapped = s
                }
            }
            out.append(mapped)
            origins.append(origin)
        }
        return (out, origins)
    }

    /// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;` and numeric entities; leaves anything else. A
    /// decoded scalar comes from the whole entity.
    static func decodeEntities(_ s: [Unicode.Scalar], origins: [Range<Int>]) -> ([Unicode.Scalar], [Range<Int>]) {
        guard s.contains("&") else { return (s, origins) }
        var out: [Unicode.Scalar] = []
        var outOrigins: [Range<Int>] = []
        out.reserveCapacity(s.count)
        outOrigins.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if s[i] == "&", let semi = s[(i + 1)..<min(s.count, i + 12)].firstIndex(of: ";") {
                let name = String(String.UnicodeScalarView(s[(i + 1)..<semi])).lowercased()
                var decoded: Unicode.Scalar?
                switch name {
                case "amp": decoded = "&"
                case "lt": decoded = "<"
                case "gt": decoded = ">"
                case "quot": decoded = "\""
                case "apos": decoded = "'"
                case "nbsp": decoded = " "
                default:
                    if name.hasPrefix("#x"), let v = UInt32(name.dropFirst(2), radix: 16) {
                        decoded = Unicode.Scalar(v)
                    } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()) {
                        decoded = Unicode.Scalar(v)
                    }
                }
                if let decoded {
                    out.append(decoded)
                    outOrigins.append(origins[i].lowerBound..<origins[semi].upperBound)
                    i = semi + 1
                    continue
                }
            }
            out.append(s[i])
            outOrigins.append(origins[i])
            i += 1
        }
        return (out, outOrigins)
    }

    static func lowercase(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value >= 65 && s.value <= 90 { return Unicode.Scalar(s.value + 32)! }
        if s.value < 128 { return s }
        let mapped = s.properties.lowercaseMapping.unicodeScalars
        return mapped.count == 1 ? mapped.first! : s
    }

    // MARK: Character classes

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
    @inline(__always) static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 97 && s.value <= 122) || (s.value >= 65 && s.value <= 90)
    }
    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        s.value < 128 ? isASCIILetter(s) : s.properties.isAlphabetic
    }
    @inline(__always) static func isAlnum(_ s: Unicode.Scalar) -> Bool { isDigit(s) || isLetter(s) }
    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\n" }

    /// Characters that may appear in an address after `http://`, `www.` or a bare domain.
    static func isURLChar(_ s: Unicode.Scalar) -> Bool {
        if isAlnum(s) { return true }
        switch s {
        case "-", ".", "_", "~", "/", "?", "#", "=", "&", "%", "+", ":", "@", "!", "$", ",", ";", "*", "'": return true
        default: return false
        }
    }

    // MARK: Emails

    static func isEmailLocalChar(_ s: Unicode.Scalar) -> Bool {
        isAlnum(s) || s == "." || s == "_" || s == "%" || s == "+" || s == "-"
    }

    static func isDomainChar(_ s: Unicode.Scalar) -> Bool { isAlnum(s) || s == "." || s == "-" }

    /// `local@domain.tld`, allowing one space either side of `@` ("name @ example.com").
    static func findEmails(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var i = 0
        while i < s.count {
            guard s[i] == "@" else { i += 1; continue }
            var l = i - 1
            if l >= 0, s[l] == " " { l -= 1 }
            var start = l + 1
            while start > 0, isEmailLocalChar(s[start - 1]), l - start < 64 { start -= 1 }
            while start <= l, s[start] == "." { start += 1 }
            var r = i + 1
            if r < s.count, s[r] == " " { r += 1 }
            let domainStart = r
            var end = r
            while end < s.count, isDomainChar(s[end]), end - domainStart < 255 { end += 1 }
            while end > domainStart, s[end - 1] == "." || s[end - 1] == "-" { end -= 1 }
            if start <= l, end > domainStart, let dot = s[domainStart..<end].lastIndex(of: "."), dot > domainStart,
               end - dot - 1 >= 2, s[(dot + 1)..<end].allSatisfy(isASCIILetter)
            {
                spans.append(start..<end)
                i = end
                continue
            }
            i += 1
        }
        return spans
    }

    // MARK: Links

    /// Top-level domains that make `word.tld` a bare link.
    static let linkTLDs: Set<String> = [
        "com", "net", "org", "gov", "edu", "io", "co", "info", "biz", "us", "uk", "ca", "au", "de", "ru", "cn",
        "shop", "store", "online", "site", "xyz", "top", "club", "me", "ly", "app", "health", "clinic", "care",
        "pharmacy", "link", "click", "live", "life", "fit", "tv", "ws", "cc", "in", "eu", "nl", "fr", "es", "it",
    ]

    static func findLinks(_ s: [Unicode.Scalar], excluding emails: [Range<Int>]) -> [Range<Int>] {
        var covered = [Bool](repeating: false, count: s.count)
        for e in emails { for k in e { covered[k] = true } }
        var spans: [Range<Int>] = []

        func mark(_ r: Range<Int>) {
            spans.append(r)
            for k in r { covered[k] = true }
        }

        // Markdown links and images: [text](target). The text may itself contain an address.
        var i = 0
        while i < s.count {
            if s[i] == "[", !covered[i] {
                var j = i + 1
                var depth = 1
                while j < s.count, j - i < 500, s[j] != "\n" {
                    if s[j] == "[" { depth += 1 }
                    if s[j] == "]" { depth -= 1; if depth == 0 { break } }
                    j += 1
                }
                if j + 1 < s.count, s[j] == "]", s[j + 1] == "(" {
                    var k = j + 2
                    while k < s.count, k - j < 2000, s[k] != ")", !isSpace(s[k]) { k += 1 }
                    if k < s.count, s[k] == ")", k > j + 2 {
                        let start = (i > 0 && s[i - 1] == "!") ? i - 1 : i
                        mark(start..<(k + 1))
                        i = k + 1
                        continue
                    }
                }
            }
            i += 1
        }

        // http(s):// and www. addresses.
        i = 0
        while i < s.count {
            if !covered[i], i == 0 || !isAlnum(s[i - 1]) {
                var schemeEnd: Int?
                if hasPrefix(s, at: i, "https://") { schemeEnd = i + 8 }
                else if hasPrefix(s, at: i, "http://") { schemeEnd = i + 7 }
                else if hasPrefix(s, at: i, "www.") { schemeEnd = i + 4 }
                else if hasPrefix(s, at: i, "hxxp://") { schemeEnd = i + 7 }
                else if hasPrefix(s, at: i, "hxxps://") { schemeEnd = i + 8 }
                if let schemeEnd, schemeEnd < s.count, isAlnum(s[schemeEnd]) {
                    var end = schemeEnd
                    while end < s.count, !covered[end], isURLChar(s[end]) { end += 1 }
                    while end > schemeEnd, ".,;:!?')*".unicodeScalars.contains(s[end - 1]) { end -= 1 }
                    mark(i..<end)
                    i = end
                    continue
                }
            }
            i += 1
        }

        // Bare domains: label(.label)*.tld, optionally with a path, not part of an email.
        i = 0
        while i < s.count {
            guard !covered[i], isAlnum(s[i]), i == 0 || !(isURLChar(s[i - 1]) && s[i - 1] != "'" && s[i - 1] != "*") else {
                i += 1
                continue
            }
            var end = i
            while end < s.count, !covered[end], isAlnum(s[end]) || s[end] == "." || s[end] == "-" { end += 1 }
            var host = end
            while host > i, s[host - 1] == "." || s[host - 1] == "-" { host -= 1 }
            if let dot = s[i..<host].lastIndex(of: "."), dot > i, s[dot - 1] != ".",
               linkTLDs.contains(String(String.UnicodeScalarView(s[(dot + 1)..<host]))),
               s[i..<dot].contains(where: isLetter)
            {
                var stop = host
                if stop < s.count, s[stop] == "/" {
                    while stop < s.count, !covered[stop], isURLChar(s[stop]) { stop += 1 }
                    while stop > host, ".,;:!?')*".unicodeScalars.contains(s[stop - 1]) { stop -= 1 }
                }
                mark(i..<stop)
                i = stop
                continue
            }
            i = max(end, i + 1)
        }
        return spans.sorted { $0.lowerBound < $1.lowerBound }
    }

    static func hasPrefix(_ s: [Unicode.Scalar], at i: Int, _ prefix: String) -> Bool {
        var k = i
        for p in prefix.unicodeScalars {
            guard k < s.count, s[k] == p else { return false }
            k += 1
        }
        return true
    }

    // MARK: Words and sentences

    static func tokenise(scalars: [Unicode.Scalar], lower: [Unicode.Scalar], links: [Range<Int>], emails: [Range<Int>])
        -> ([Word], [Sentence])
    {
        var spans: [(Range<Int>, Bool)] = links.map { ($0, true) } + emails.map { ($0, false) }
        spans.sort { $0.0.lowerBound < $1.0.lowerBound }
        var nextSpan = 0

        var words: [Word] = []
        var sentences: [Sentence] = []
        var sentenceStart = 0
        var pendingBreak = WordBreak.none
        var questionPending = false

        func closeSentence() {
            if words.count > sentenceStart {
                sentences.append(Sentence(words: sentenceStart..<words.count, isQuestion: questionPending))
            }
            sentenceStart = words.count
            questionPending = false
        }

        func add(_ word: Word) {
            var w = word
            if pendingBreak == .sentence { closeSentence() }
            w.breakBefore = words.isEmpty ? .sentence : pendingBreak
            w.sentence = sentences.count
            words.append(w)
            pendingBreak = .none
        }

        func raise(_ b: WordBreak) {
            switch (pendingBreak, b) {
            case (.sentence, _): break
            case (_, .sentence): pendingBreak = .sentence
            case (.none, .clause): pendingBreak = .clause
            default: break
            }
        }

        let n = lower.count
        var i = 0
        while i < n {
            while nextSpan < spans.count, spans[nextSpan].0.upperBound <= i { nextSpan += 1 }
            if nextSpan < spans.count, spans[nextSpan].0.lowerBound == i {
                let (range, isLink) = spans[nextSpan]
                let text = isLink ? String(String.UnicodeScalarView(lower[range])) : "<email>"
                add(Word(text: text, base: text, hasApostropheS: false, capitalized: false, isNumber: false,
                         isLink: isLink, isEmail: !isLink, breakBefore: .none, sentence: 0,
                         start: range.lowerBound, end: range.upperBound))
                i = range.upperBound
                nextSpan += 1
                continue
            }
            let c = lower[i]
            if isAlnum(c) {
                let limit = nextSpan < spans.count ? spans[nextSpan].0.lowerBound : n
                var j = i + 1
                while j < limit {
                    let d = lower[j]
                    if isAlnum(d) { j += 1; continue }
                    // Inner apostrophes ("i'm", "sister's"), dots and commas between alphanumerics ("2.5", "1,250", "u.s").
                    if j + 1 < limit, isAlnum(lower[j + 1]) {
                        if d == "'" && isLetter(lower[j - 1]) { j += 1; continue }
                        if d == "." { j += 1; continue }
                        if d == "," && isDigit(lower[j - 1]) && isDigit(lower[j + 1]) { j += 1; continue }
                    }
                    break
                }
                var text = String(String.UnicodeScalarView(lower[i..<j]))
                var end = j
                // A trailing possessive apostrophe ("parents'").
                if j < limit, lower[j] == "'", text.last == "s" { end = j + 1 }
                var base = text
                var hasS = false
                if text.hasSuffix("'s") {
                    hasS = true
                    base = String(text.dropLast(2))
                } else if text.hasSuffix("s'") {
                    base = String(text.dropLast())
                }
                if text.hasSuffix("'") { text = String(text.dropLast()) }
                let isNumber = lower[i..<j].allSatisfy { isDigit($0) || $0 == "." || $0 == "," }
                let first = scalars[i]
                add(Word(text: text, base: base, hasApostropheS: hasS, capitalized: first.properties.isUppercase,
                         isNumber: isNumber, isLink: false, isEmail: false, breakBefore: .none, sentence: 0,
                         start: i, end: end))
                i = end
                continue
            }
            switch c {
            case ".", "!", "?", "\u{2026}", "\n":
                raise(.sentence)
                if c == "?" { questionPending = true }
            case ",", ";", ":", "(", ")", "[", "]", "{", "}", "\"", "\u{2014}", "<", ">", "|":
                raise(.clause)
            case "-":
                // A free-standing dash separates clauses; a hyphen inside a word does not.
                let before = i > 0 ? lower[i - 1] : " "
                let after = i + 1 < n ? lower[i + 1] : " "
                if isSpace(before) && isSpace(after) { raise(.clause) }
            default:
                break
            }
            i += 1
        }
        closeSentence()
        return (words, sentences)
    }
}
