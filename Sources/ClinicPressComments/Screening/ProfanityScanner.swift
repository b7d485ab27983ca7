/// Finds profanity and slurs, matched on whole words after undoing common obfuscations.
///
/// Words are re-read from the lowercase text with the characters people use to disguise letters kept in
/// (`f*ck`, `sh!t`, `@ss`, `$hit`, `sh1t`), then folded (`1`/`!` → i, `3` → e, `0` → o, `4`/`@` → a, `$`/`5` → s,
/// `7` → t). A word is profane when, folded, it is on the list; when it has a profane stem in a position no clean
/// English word has it ("fuck" anywhere, "shit" at either end); when stretched letters collapse to a listed word
/// ("fuuuuck"); when `*`/`#` stand for letters of a listed word of the same length with its first letter kept
/// ("f**king", "b***h"); or when single letters spelled out with spaces or dots join into one ("f u c k").
///
/// Choices: mild words ("damn", "hell", "crap", "sucks", "prick" as in needle prick) are not flagged; words that
/// are also ordinary English in a clinic blog ("cock", "chink" as in armour, "dyke", "coon") are left out; "Dick"
/// capitalised is taken for a name (lowercase "dick" and "DICK" are flagged; "dickhead" always).
struct ProfanityScanner {
    /// Whole words.
    static let words: Set<String> = [
        "fuck", "fucks", "fucked", "fucker", "fuckers", "fucking", "fuckin", "fuk", "fuking", "fck", "fcking", "fkn",
        "fking", "fuq", "phuck", "shit", "shits", "shitty", "shite", "shitting", "shitted", "sht", "bitch",
        "bitches", "bitchy", "bitching", "ass", "asses", "asshole", "assholes", "arsehole", "arseholes", "jackass",
        "dumbass", "smartass", "asshat", "asswipe", "badass", "bastard", "bastards", "cunt", "cunts", "dick",
        "dicks", "dickhead", "dickheads", "pussy", "pussies", "cocksucker", "cocksuckers", "twat", "twats",
        "wanker", "wankers", "wank", "bollocks", "piss", "pissed", "pissing", "pisses", "pissy", "whore", "whores",
        "slut", "sluts", "slutty", "douchebag", "douchebags", "wtf", "stfu", "nigger", "niggers", "nigga", "niggas",
        "niggaz", "faggot", "faggots", "fag", "fags", "kike", "kikes", "tranny", "trannies", "retard", "retards",
        "retarded", "wetback", "wetbacks", "spic", "spics", "motherfucker", "motherfuckers", "motherfucking",
        "bullshit", "horseshit", "dipshit", "shithead", "shitshow", "shithole", "apeshit", "batshit",
    ]

    /// Listed words that `*` or `#` may stand in for ("f**k", "s**t", "a**hole").
    static let maskable: [String] = [
        "fuck", "fucking", "fucked", "fucker", "fuckin", "shit", "shitty", "bitch", "ass", "asshole", "cunt",
        "bastard", "pussy", "bullshit", "motherfucker", "dickhead", "whore", "slut", "nigger", "faggot", "retard",
    ]

    /// Clean words that happen to start with a profane stem.
    static let exceptions: Set<String> = ["shiitake", "shitake", "shittim", "cockburn", "scunthorpe", "dickens", "dickinson"]

    let text: ScreeningText

    init(_ text: ScreeningText) { self.text = text }

    private static func isObfuscator(_ s: Unicode.Scalar) -> Bool {
        s == "*" || s == "@" || s == "$" || s == "!" || s == "#" || s == "|"
    }

    func hasProfanity() -> Bool {
        let lower = text.lower
        var inSpan = [Bool](repeating: false, count: lower.count)
        for r in text.links { for k in r { inSpan[k] = true } }
        for r in text.emails { for k in r { inSpan[k] = true } }

        var singles = ""  // letters spelled out one at a time: "f u c k", "s.h.i.t"
        var lastSingleEnd = -10
        var i = 0
        let n = lower.count
        while i < n {
            let c = lower[i]
            guard !inSpan[i], ScreeningText.isAlnum(c) || Self.isObfuscator(c) else { i += 1; continue }
            var j = i
            while j < n, !inSpan[j], ScreeningText.isAlnum(lower[j]) || Self.isObfuscator(lower[j]) || (lower[j] == "'" && j + 1 < n && ScreeningText.isLetter(lower[j + 1])) {
                j += 1
            }
            var start = i
            var end = j
            // Trim punctuation-like marks at the edges ("**bold**", "wow!"), but keep a leading $ or @ ("$hit", "@ss").
            while start < end, lower[start] == "*" || lower[start] == "!" || lower[start] == "#" || lower[start] == "|" { start += 1 }
            while end > start, lower[end - 1] == "*" || lower[end - 1] == "!" || lower[end - 1] == "#" || lower[end - 1] == "|" || lower[end - 1] == "@" { end -= 1 }
            if start < end {
                let raw = Array(lower[start..<end])
                if raw.contains(where: ScreeningText.isLetter) {
                    let capitalised = text.scalars[start].properties.isUppercase
                    let allCaps = text.scalars[start..<end].allSatisfy { !ScreeningText.isLetter($0) || $0.properties.isUppercase }
                    if isProfane(raw, capitalised: capitalised && !allCaps) { return true }
                }
                // Spelled-out letters.
                if raw.count == 1, ScreeningText.isLetter(raw[0]) {
                    if start - lastSingleEnd <= 2 {
                        singles.unicodeScalars.append(raw[0])
                    } else {
                        singles = String(raw[0])
                    }
                    lastSingleEnd = end
                    if singles.count >= 3, Self.words.contains(singles) || Self.words.contains(String(singles.dropLast())) {
                        return true
                    }
                } else {
                    if singles.count >= 3, Self.words.contains(singles) { return true }
                    singles = ""
                }
            }
            i = max(j, i + 1)
        }
        return false
    }

    private static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s {
        case "1", "!", "|": return "i"
        case "3": return "e"
        case "0": return "o"
        case "4", "@": return "a"
        case "$", "5": return "s"
        case "7": return "t"
        default: return s
        }
    }

    func isProfane(_ raw: [Unicode.Scalar], capitalised: Bool) -> Bool {
        let folded = String(String.UnicodeScalarView(raw.map(Self.fold)))
        let word = folded.hasSuffix("'s") ? String(folded.dropLast(2)) : folded.replacingOccurrences(of: "'", with: "")
        if Self.exceptions.contains(word) { return false }
        if word.contains("*") || word.contains("#") {
            return matchesMask(word)
        }
        if Self.isListed(word, capitalised: capitalised) { return true }
        // Stretched letters: "fuuuuck", "shiiiit".
        let collapsedOne = Self.collapse(word, keep: 1)
        if collapsedOne != word {
            if Self.isListed(collapsedOne, capitalised: capitalised) { return true }
            if Self.isListed(Self.collapse(word, keep: 2), capitalised: capitalised) { return true }
        }
        // Stems no clean word has: "fuck" anywhere; "shit" at either end ("shitstorm", "chickenshit").
        if word.contains("fuck") { return true }
        if word.count > 4, word.hasPrefix("shit") || word.hasSuffix("shit") { return true }
        if word.count > 5, word.hasPrefix("bitch") || word.hasPrefix("asshole") || word.hasPrefix("cunt") { return true }
        return false
    }

    private static func isListed(_ word: String, capitalised: Bool) -> Bool {
        guard words.contains(word) else { return false }
        if capitalised, word == "dick" || word == "dicks" { return false }  // a name
        return true
    }

    /// Collapses runs of three or more equal letters to `keep` letters.
    static func collapse(_ word: String, keep: Int) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(word.unicodeScalars)
        var i = 0
        while i < scalars.count {
            var j = i
            while j < scalars.count, scalars[j] == scalars[i] { j += 1 }
            let count = j - i
            let emit = count >= 3 ? keep : count
            for _ in 0..<emit { out.append(scalars[i]) }
            i = j
        }
        return String(out)
    }

    /// `*`/`#` standing for letters of a listed word of the same length, with the first letter shown.
    private func matchesMask(_ word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        guard let first = w.first, first != "*", first != "#" else { return false }
        let known = w.filter { $0 != "*" && $0 != "#" }.count
        guard known >= 1, w.count >= 3 else { return false }
        for candidate in Self.maskable {
            let c = Array(candidate.unicodeScalars)
            guard c.count == w.count else { continue }
            var ok = true
            for k in 0..<c.count where w[k] != "*" && w[k] != "#" && w[k] != c[k] {
                ok = false
                break
            }
            if ok { return true }
        }
        return false
    }
}
