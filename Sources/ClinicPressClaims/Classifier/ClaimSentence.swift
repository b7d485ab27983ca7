/// A tokenized sentence with the small queries the rules are written in.
struct ClaimSentence {
    let tokens: [ClaimToken]
    /// The union of every token's classes, so a rule can skip a sentence that lacks its trigger words.
    let classes: WordClass

    init(_ sentence: String) {
        var copy = sentence
        self = copy.withUTF8 { ClaimSentence(utf8: $0) }
    }

    /// Tokenizes a sentence given as UTF-8 bytes (the claim checker reads sentences out of a block's bytes).
    init(utf8 sentence: UnsafeBufferPointer<UInt8>) {
        self.init(tokens: ClaimTokenizer.tokenize(sentence))
    }

    /// A sentence from its tokens.
    init(tokens: [ClaimToken]) {
        var tokens = tokens
        // "per cent" is a percent sign.
        if let c = tokens.firstIndex(where: { $0.key == .cent }), c > 0, tokens[c - 1].key == .per {
            tokens[c].kind = .percent
            tokens.remove(at: c - 1)
        }
        self.tokens = tokens
        var all: WordClass = []
        var counts = false, times = false, compares = false, absolutes = false
        for token in tokens {
            all.formUnion(token.classes)
            switch token.kind {
            case .number, .percent:
                counts = true
                if token.value == 100 { absolutes = true }
            case .word:
                switch token.key {
                case .likely, .common, .prevalent, .frequent, .doubles, .doubled, .triples, .tripled, .halves, .halved,
                    .quadruples, .double, .triple, .twice:
                    counts = true
                case .away, .feeling, .time, .before: times = true
                case .than, .as, .compared, .versus, .vs, .unlike, .par, .comparable, .superior, .inferior, .equivalent,
                    .dust, .nothing, .fastest, .quickest, .safest, .strongest, .best, .gentlest, .most, .least, .line,
                    .standard:
                    compares = true
                case .no:
                    compares = true
                    absolutes = true
                case .good, .side, .risk, .risks, .complication, .complications, .downside, .downsides, .danger, .dangers,
                    .exception, .exceptions, .fully, .life, .never, .wont, .come:
                    absolutes = true
                default: break
                }
            default: break
            }
        }
        classes = all
        hasCount = counts || !all.isDisjoint(with: [.cardinal, .fraction])
        hasTime = times || !all.isDisjoint(with: [.timeUnit, .courseUnit, .immediacy, .lastVerb])
        hasComparison = compares || !all.isDisjoint(with: [.multiplier, .compareVerb])
        hasAbsolute = absolutes
            || !all.isDisjoint(with: [.cure, .guarantee, .permanence, .safety, .intensifier, .universal, .negativeUniversal])
    }

    /// Whether a word of comparison occurs ("than", "as", "outperforms", "fastest", "no", …) — every comparative
    /// rule needs one.
    let hasComparison: Bool
    /// Whether a word of absoluteness occurs (cure, guarantee, permanent, safe, every, never, no, side effects, 100, …) —
    /// every absolute rule needs one.
    let hasAbsolute: Bool

    /// Whether any number, number word, share or multiplier occurs — every statistic rule needs one.
    let hasCount: Bool
    /// Whether any unit of time or treatment, immediacy, "last", or "away"/"feeling"/"time"/"before" occurs — every
    /// time-to-effect rule needs one.
    let hasTime: Bool

    var count: Int { tokens.count }

    @inline(__always) subscript(_ i: Int) -> ClaimToken { tokens[i] }

    /// The keyword at `i`, or `.unlisted` outside the sentence.
    @inline(__always) func kw(_ i: Int) -> Keyword { i >= 0 && i < tokens.count ? tokens[i].key : .unlisted }

    @inline(__always) func isWord(_ i: Int, _ key: Keyword) -> Bool { i >= 0 && i < tokens.count && tokens[i].key == key }

    /// True when the token at `i` has a spelling flag, such as ending in -s.
    @inline(__always) func ends(_ i: Int, _ flag: TokenFlags) -> Bool { i >= 0 && i < tokens.count && tokens[i].flags.contains(flag) }

    @inline(__always) func isClass(_ i: Int, _ c: WordClass) -> Bool {
        i >= 0 && i < tokens.count && !tokens[i].classes.isDisjoint(with: c)
    }

    @inline(__always) func isNumeric(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].isNumeric }

    /// The first index in `range` (clamped to the sentence) whose token has one of `c`'s classes.
    func first(_ c: WordClass, in range: Range<Int>) -> Int? {
        let lower = max(range.lowerBound, 0), upper = min(range.upperBound, tokens.count)
        guard lower < upper else { return nil }
        for i in lower..<upper where !tokens[i].classes.isDisjoint(with: c) { return i }
        return nil
    }

    /// The last index in `range` whose token has one of `c`'s classes.
    func last(_ c: WordClass, in range: Range<Int>) -> Int? {
        let lower = max(range.lowerBound, 0), upper = min(range.upperBound, tokens.count)
        guard lower < upper else { return nil }
        for i in (lower..<upper).reversed() where !tokens[i].classes.isDisjoint(with: c) { return i }
        return nil
    }

    func has(_ c: WordClass, in range: Range<Int>) -> Bool { first(c, in: range) != nil }

    /// The first index in `range` holding `key`.
    func find(_ key: Keyword, in range: Range<Int>) -> Int? {
        let lower = max(range.lowerBound, 0), upper = min(range.upperBound, tokens.count)
        guard lower < upper else { return nil }
        for i in lower..<upper where tokens[i].key == key { return i }
        return nil
    }

    /// True for a token that ends a clause: , ; : ( ) — and conjunctions such as "while" and "but".
    @inline(__always) func isClauseBreak(_ i: Int) -> Bool {
        let t = tokens[i]
        if t.kind == .punct {
            switch t.key {
            case .comma, .semicolon, .colon, .openParen, .closeParen, .dash, .question, .exclamation: return true
            default: return false
            }
        }
        return t.classes.contains(.clauseBreak)
    }

    /// True when a clause break lies in `range`.
    func hasBreak(in range: Range<Int>) -> Bool {
        let lower = max(range.lowerBound, 0), upper = min(range.upperBound, tokens.count)
        guard lower < upper else { return false }
        for i in lower..<upper where isClauseBreak(i) { return true }
        return false
    }

    /// The clause around `i`, bounded by clause breaks.
    func clause(around i: Int) -> Range<Int> {
        var lower = i
        while lower > 0, !isClauseBreak(lower - 1) { lower -= 1 }
        var upper = i + 1
        while upper < tokens.count, !isClauseBreak(upper) { upper += 1 }
        return lower..<upper
    }

    /// True when a negation stands within the four tokens before `i`, in the same clause ("can't promise a cure").
    func isNegated(_ i: Int) -> Bool {
        var j = i - 1
        while j >= 0, j >= i - 4, !isClauseBreak(j) {
            if tokens[j].classes.contains(.negation) { return true }
            j -= 1
        }
        return false
    }

    /// True when the sentence is a question (rhetorical "did you know …?" aside).
    var isQuestion: Bool {
        guard let last = tokens.last(where: { $0.kind == .punct && $0.key != .closeParen && $0.key != .period }) ?? tokens.last,
            last.key == .question
        else { return false }
        return !(isWord(0, .did) && isWord(1, .you) && isWord(2, .know))
    }

    /// True when the sentence opens with a verb of instruction ("Book…", "Ask us…", "Please bring…", "Don't wait…"):
    /// calls to action and aftercare instructions assert no health fact.
    var isInstruction: Bool {
        var i = 0
        if isWord(0, .please) || isWord(0, .simply) || isWord(0, .just) { i = 1 }
        guard i < tokens.count, tokens[i].kind == .word, tokens[i].classes.contains(.imperative) else { return false }
        // "Take" / "Start" / "Kick" as the first word of a statement need an object, not a verb, to follow:
        // "Treatment…" never reaches here because the lexicon holds whole words.
        let next = kw(i + 1)
        return next != .to && next != .is && next != .are && next != .can && next != .may
    }

    /// The number-like token (digits, number word or fraction word) at `i`, if any.
    @inline(__always) func isQuantity(_ i: Int) -> Bool {
        i >= 0 && i < tokens.count && (tokens[i].isNumeric || tokens[i].classes.contains(.fraction)) && !tokens[i].year
    }

    /// A token index skipping hedging/approximation words ("about", "roughly", "up to") forward from `i`.
    func skippingApproximation(_ i: Int) -> Int {
        var j = i
        while j < tokens.count {
            switch tokens[j].key {
            case .about, .around, .roughly, .nearly, .almost, .approximately, .some_, .just, .only, .over, .under,
                .at, .least, .most, .up, .to, .as, .much, .many, .little, .more, .than, .an, .a, .the, .average, .of,
                .estimated, .by:
                j += 1
            default:
                return j
            }
        }
        return j
    }
}
