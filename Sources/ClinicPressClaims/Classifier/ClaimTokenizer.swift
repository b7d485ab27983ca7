/// What a token of a sentence is.
enum ClaimTokenKind: UInt8, Sendable {
    /// Lowercased letters (non-ASCII bytes count as letters), with inner apostrophes and dots ("don't", "u.s").
    case word
    /// Digits, with thousands commas and a decimal point ("1,200", "0.5").
    case number
    /// "%" or the word "percent".
    case percent
    /// "$".
    case dollar
    /// A phone number such as 555-0142.
    case phone
    /// One punctuation mark; dashes used as clause breaks become "—".
    case punct
}

/// Facts about a token's spelling and place, computed once by the scanner.
struct TokenFlags: OptionSet, Sendable {
    let rawValue: UInt16
    /// A hyphen attaches the token to the previous one ("FDA-approved", "risk-free").
    static let joined = TokenFlags(rawValue: 1 << 0)
    /// "3rd", "third", "last"…
    static let ordinal = TokenFlags(rawValue: 1 << 1)
    /// A four-digit number that reads as a year (1800–2100).
    static let year = TokenFlags(rawValue: 1 << 2)
    /// The word ends in -s, -ss, -ly, -ally, -ed, -n, -ing, -self / -selves, or -es.
    static let endsS = TokenFlags(rawValue: 1 << 3)
    static let endsSS = TokenFlags(rawValue: 1 << 4)
    static let endsLy = TokenFlags(rawValue: 1 << 5)
    static let endsAlly = TokenFlags(rawValue: 1 << 6)
    static let endsEd = TokenFlags(rawValue: 1 << 7)
    static let endsN = TokenFlags(rawValue: 1 << 8)
    static let endsIng = TokenFlags(rawValue: 1 << 9)
    static let endsSelf = TokenFlags(rawValue: 1 << 10)
    static let endsEs = TokenFlags(rawValue: 1 << 11)
}

/// One token of a sentence: its kind, keyword, word classes, spelling hash and, for numbers, value.
/// A plain value without references, so token arrays copy and free cheaply.
struct ClaimToken: Sendable {
    var kind: ClaimTokenKind
    /// The keyword the rules know the token by, or `.unlisted`.
    var key: Keyword
    var classes: WordClass
    /// The value of numbers and number words ("six" → 6); 0 otherwise.
    var value: Double
    /// FNV-1a hash of the lowercased spelling (digits for numbers), for the lexicon and site phrases.
    var hash: UInt64
    var flags: TokenFlags

    init(_ kind: ClaimTokenKind, key: Keyword = .unlisted, hash: UInt64 = 0, flags: TokenFlags = []) {
        self.kind = kind
        self.key = key
        self.classes = []
        self.value = 0
        self.hash = hash
        self.flags = flags
    }

    var joined: Bool { flags.contains(.joined) }
    var ordinal: Bool { flags.contains(.ordinal) }
    var year: Bool { flags.contains(.year) }

    /// A word the lexicon does not know: no keyword, no class. Most rules skip it.
    var isInert: Bool { kind == .word && key == .unlisted && classes.isEmpty }

    /// A number written in digits, or a number word ("six", "million").
    var isNumeric: Bool { kind == .number || classes.contains(.cardinal) }
}

/// FNV-1a, 64 bits: the spelling hash of tokens, lexicon words and site phrases.
enum SpellingHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    @inline(__always) static func add(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x100_0000_01b3 }

    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = seed
        for b in bytes { h = add(h, b) }
        return h == 0 ? 1 : h
    }

    static func of(_ word: String) -> UInt64 {
        var copy = word
        return copy.withUTF8 { of($0) }
    }
}

/// A hand-written scanner over a sentence's UTF-8 bytes; it allocates the token array and nothing else.
enum ClaimTokenizer {
    static func tokenize(_ sentence: String) -> [ClaimToken] {
        var copy = sentence
        return copy.withUTF8 { tokenize($0) }
    }

    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [ClaimToken] {
        var tokens: [ClaimToken] = []
        tokenize(bytes, into: &tokens)
        return tokens
    }

    /// Tokenizes into `tokens`, replacing what it held but keeping its storage: the claim checker tokenizes
    /// every sentence of a post into one array.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [ClaimToken]) {
        tokens.removeAll(keepingCapacity: true)
        tokens.reserveCapacity(bytes.count / 5 + 4)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { scratch in
            scan(bytes, scratch, into: &tokens)
        }
    }

    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// The typographic characters that are punctuation, not letters: ’ ‘ “ ” – — … and a no-break space.
    /// Returns the length of the sequence and what it stands for, or nil for any other byte.
    @inline(__always)
    static func special(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (length: Int, meaning: UInt8)? {
        let n = b.count
        if b[i] == 0xC2, i + 1 < n, b[i + 1] == 0xA0 { return (2, 0x20) }  // no-break space → space
        guard b[i] == 0xE2, i + 2 < n, b[i + 1] == 0x80 else { return nil }
        switch b[i + 2] {
        case 0x98, 0x99: return (3, 0x27)  // ‘ ’ → apostrophe
        case 0x9C, 0x9D: return (3, 0x22)  // “ ” → quote
        case 0x93, 0x94: return (3, 0x2D)  // – — → dash
        case 0xA6: return (3, 0x2E)  // … → full stop
        default: return nil
        }
    }

    /// Whether the byte at `i` starts a letter (ASCII letter or a non-ASCII byte that is not special punctuation).
    @inline(__always)
    static func isLetter(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        if isASCIILetter(c) { return true }
        return c >= 0x80 && special(b, i) == nil
    }

    private static func scan(_ b: UnsafeBufferPointer<UInt8>, _ low: UnsafeMutableBufferPointer<UInt8>, into tokens: inout [ClaimToken]) {
        let n = b.count
        var i = 0
        var joinNext = false
        var lastEnd = -1  // index just past the previous token, to tell "a-b" from "a - b"
        let lexicon = ClaimLexicon.table

        /// The hash and suffix flags of the lowercased spelling in `low[0..<len]`.
        func spelling(_ len: Int) -> (UInt64, TokenFlags) {
            let word = UnsafeBufferPointer(rebasing: low[0..<len])
            return (SpellingHash.of(word), suffixFlags(word))
        }

        while i < n {
            let c = b[i]
            if isLetter(b, i) {
                var len = 0
                var h = SpellingHash.seed  // hashed as the bytes are written
                var segment = 0  // letters since the last inner dot, for "u.s" and "a.m"
                while i < n {
                    let d = b[i]
                    if isASCIILetter(d) || isDigit(d) {
                        let x = isASCIILetter(d) ? d | 0x20 : d
                        low[len] = x; h = SpellingHash.add(h, x)
                        len += 1; segment += 1; i += 1
                    } else if d >= 0x80 {
                        if let (length, meaning) = special(b, i) {
                            // ’ inside a word is an apostrophe ("don’t"); anything else ends the word.
                            guard meaning == 0x27, i + length < n, isASCIILetter(b[i + length]) else { break }
                            low[len] = 0x27; h = SpellingHash.add(h, low[len]); len += 1; segment = 0; i += length
                        } else {
                            low[len] = d; h = SpellingHash.add(h, low[len]); len += 1; segment += 1; i += 1
                        }
                    } else if d == 0x27, i + 1 < n, isASCIILetter(b[i + 1]) {
                        low[len] = 0x27; h = SpellingHash.add(h, low[len]); len += 1; segment = 0; i += 1
                    } else if d == 0x2E, segment == 1, i + 1 < n, isASCIILetter(b[i + 1]),
                        i + 2 == n || !isASCIILetter(b[i + 2])
                    {
                        // Single letters joined by dots are one abbreviation: "u.s", "a.m", "e.g".
                        low[len] = 0x2E; h = SpellingHash.add(h, low[len]); len += 1; segment = 0; i += 1
                    } else if d == 0x2B {
                        // "NAD+" keeps its plus sign.
                        low[len] = 0x2B; h = SpellingHash.add(h, low[len]); len += 1; i += 1
                        break
                    } else {
                        break
                    }
                }
                var token = ClaimToken(.word, hash: h == 0 ? 1 : h, flags: suffixFlags(UnsafeBufferPointer(rebasing: low[0..<len])))
                if joinNext { token.flags.insert(.joined) }
                ClaimLexicon.annotate(&token, UnsafeBufferPointer(rebasing: low[0..<len]), in: lexicon)
                tokens.append(token)
                joinNext = false
                lastEnd = i
            } else if isDigit(c) {
                let start = i
                var value = 0.0
                var scale = 0.0
                var plain = true  // digits only, no commas or decimals
                while i < n {
                    let d = b[i]
                    if isDigit(d) {
                        if scale > 0 { value += Double(d - 0x30) * scale; scale /= 10 } else { value = value * 10 + Double(d - 0x30) }
                        i += 1
                    } else if d == 0x2C, scale == 0, i + 3 < n, isDigit(b[i + 1]), isDigit(b[i + 2]), isDigit(b[i + 3]),
                        i + 4 == n || !isDigit(b[i + 4])
                    {
                        plain = false; i += 1  // thousands separator
                    } else if d == 0x2E, scale == 0, i + 1 < n, isDigit(b[i + 1]) {
                        plain = false; scale = 0.1; i += 1
                    } else {
                        break
                    }
                }
                let digits = i - start
                // 555-0142 (and 800-555-0142) are phone numbers.
                if plain, digits == 3, i + 1 < n, b[i] == 0x2D, isDigit(b[i + 1]) {
                    var j = i + 1
                    while j < n, isDigit(b[j]) { j += 1 }
                    if j - i - 1 == 3, j + 1 < n, b[j] == 0x2D, isDigit(b[j + 1]) {
                        let k = j
                        j += 1
                        while j < n, isDigit(b[j]) { j += 1 }
                        if j - k - 1 != 4 { j = -1 }
                    } else if j - i - 1 != 4 {
                        j = -1
                    }
                    if j > 0 {
                        tokens.append(ClaimToken(.phone))
                        joinNext = false
                        i = j; lastEnd = i
                        continue
                    }
                }
                // The number's text is its digits without separators, so site phrases like "100%" can match it.
                var len = 0
                for k in start..<i where b[k] != 0x2C { low[len] = b[k]; len += 1 }
                var token = ClaimToken(.number, hash: spelling(len).0, flags: joinNext ? .joined : [])
                token.value = value
                if plain && digits == 4 && value >= 1800 && value <= 2100 { token.flags.insert(.year) }
                // "1st", "2nd", "3rd", "4th" are ordinals.
                if i + 1 < n, isASCIILetter(b[i]), isASCIILetter(b[i + 1]), i + 2 == n || !isASCIILetter(b[i + 2]) {
                    let s0 = b[i] | 0x20, s1 = b[i + 1] | 0x20
                    if (s0 == 0x73 && s1 == 0x74) || (s0 == 0x6E && s1 == 0x64) || (s0 == 0x72 && s1 == 0x64) || (s0 == 0x74 && s1 == 0x68) {
                        token.flags.insert(.ordinal)
                        i += 2
                    }
                }
                tokens.append(token)
                joinNext = false
                lastEnd = i
            } else if c == 0x2D || special(b, i)?.meaning == 0x2D {
                let length = c == 0x2D ? 1 : 3
                // A hyphen between two words or numbers joins them; a spaced or typographic dash breaks the clause.
                if c == 0x2D, lastEnd == i, i + 1 < n, isLetter(b, i + 1) || isDigit(b[i + 1]) {
                    joinNext = true
                } else if c != 0x2D, b[i + 2] == 0x93, lastEnd == i, i > 0, isDigit(b[i - 1]), i + 3 < n, isDigit(b[i + 3]) {
                    // An en dash between numbers is a range: "30–60 minutes" reads "30 to 60 minutes".
                    var to = ClaimToken(.word, key: .to, hash: Self.toHash)
                    to.classes = lexicon.lookup(Self.toHash)?.classes ?? []
                    tokens.append(to)
                } else if c != 0x2D || i + 1 >= n || b[i + 1] == 0x20 || b[i + 1] == 0x2D || lastEnd != i {
                    // "—", "–", " - " and "--": a clause break.
                    if tokens.last?.key != .dash { tokens.append(ClaimToken(.punct, key: .dash)) }
                }
                i += length
                while i < n, b[i] == 0x2D { i += 1 }
            } else if c == 0x25 {
                tokens.append(ClaimToken(.percent, key: .percentSign, hash: SpellingHash.add(SpellingHash.seed, c)))
                i += 1; lastEnd = i
            } else if c == 0x24 {
                tokens.append(ClaimToken(.dollar, key: .dollarSign))
                i += 1; lastEnd = i
            } else if let (length, meaning) = special(b, i) {
                if meaning == 0x2E { tokens.append(ClaimToken(.punct, key: .period)) }
                i += length
            } else if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x22 || c == 0x27 || c == 0x2A || c == 0x5F || c == 0x60 {
                // Spaces, quotes, and leftover emphasis markers carry no meaning here.
                i += 1
                joinNext = false
            } else {
                tokens.append(ClaimToken(.punct, key: punctuationKey(c), hash: SpellingHash.add(SpellingHash.seed, c)))
                i += 1; lastEnd = i
            }
        }
    }

    /// The spelling hash of "to", for number ranges written with an en dash.
    static let toHash = SpellingHash.of("to")

    /// The keyword of a punctuation byte.
    static func punctuationKey(_ c: UInt8) -> Keyword {
        switch c {
        case 0x2C: .comma
        case 0x2E: .period
        case 0x3F: .question
        case 0x21: .exclamation
        case 0x3A: .colon
        case 0x3B: .semicolon
        case 0x28: .openParen
        case 0x29: .closeParen
        default: .unlisted
        }
    }

    /// Suffix flags of a lowercased word, from its last bytes.
    static func suffixFlags(_ w: UnsafeBufferPointer<UInt8>) -> TokenFlags {
        let n = w.count
        guard n > 1 else { return n == 1 && w[0] == 0x73 ? .endsS : [] }
        let last = w[n - 1], before = w[n - 2]
        switch last {
        case 0x73:  // -s
            var flags: TokenFlags = .endsS
            if before == 0x73 { flags.insert(.endsSS) }
            if before == 0x65 { flags.insert(.endsEs) }
            if n >= 6, before == 0x65, w[n - 3] == 0x76, w[n - 4] == 0x6C, w[n - 5] == 0x65, w[n - 6] == 0x73 { flags.insert(.endsSelf) }
            return flags
        case 0x79:  // -ly, -ally
            guard before == 0x6C else { return [] }
            return n >= 4 && w[n - 3] == 0x6C && w[n - 4] == 0x61 ? [.endsLy, .endsAlly] : .endsLy
        case 0x64: return before == 0x65 ? .endsEd : []  // -ed
        case 0x6E: return .endsN  // -n
        case 0x67: return n >= 3 && before == 0x6E && w[n - 3] == 0x69 ? .endsIng : []  // -ing
        case 0x66: return n >= 4 && before == 0x6C && w[n - 3] == 0x65 && w[n - 4] == 0x73 ? .endsSelf : []  // -self
        default: return []
        }
    }
}
