/// Turns titles, tags and file names into URL path segments.
public enum Slug {
    /// Lowercase ASCII letters and digits joined by single hyphens: `"IV Therapy & NAD+"` → `"iv-therapy-nad"`.
    /// Accented Latin letters lose their accents; other characters separate words.
    public static func make(_ text: String) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        func add(_ value: UInt32) {
            if (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) {
                if pendingHyphen, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                slug.append((0x41...0x5A).contains(value) ? UInt8(value + 0x20) : UInt8(value))
            } else if (0x300...0x36F).contains(value) || value == 0x27 || value == 0x2019 {
                // combining accents and apostrophes vanish: "Men's" → "mens"
            } else {
                pendingHyphen = true
            }
        }
        // Plain ASCII (nearly every tag, heading and file name) has nothing to decompose: its bytes are its scalars.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 { add(UInt32(byte)) }
        } else {
            for scalar in text.decomposedStringWithCanonicalMappingLite.unicodeScalars { add(scalar.value) }
        }
        return String(decoding: slug, as: UTF8.self)
    }

    /// A slug for a title in any script: `make` of its Cyrillic or Greek letters spelled in Latin ones (`"Кетамин"` →
    /// `"ketamin"`), or, for a title with no letters that transliterate (`"抑郁症"`), `s-` and a stable hash of the
    /// title (`"s-5c0e3d1a"`). Distinct titles thus get distinct addresses instead of all falling back to one.
    public static func make(title: String) -> String {
        let slug = transliterated(title)
        return slug.isEmpty ? "s-" + stableHash(title) : slug
    }

    /// `make` of the text with its Cyrillic and Greek letters spelled in Latin ones (`"Мария Ф."` → `"mariia-f"`); empty
    /// when nothing in it transliterates.
    public static func transliterated(_ text: String) -> String {
        // Plain ASCII has nothing to spell in Latin letters (every heading and most titles).
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return make(text) }
        return make(String(String.UnicodeScalarView(text.unicodeScalars.flatMap { transliteration[$0].map { Array($0.unicodeScalars) } ?? [$0] })))
    }

    /// FNV-1a over the UTF-8 bytes, as 8 hex digits: the same on every machine and run (Swift's `hashValue` is seeded).
    static func stableHash(_ text: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// True when the text is already a valid slug: non-empty, `[a-z0-9-]`, no leading, trailing or double hyphen.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--") else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

extension String {
    /// Canonical decomposition without Foundation: enough to strip accents from Latin letters.
    var decomposedStringWithCanonicalMappingLite: String {
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if let base = latinBase[scalar] {
                out.append(base)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}

private let latinBase: [Unicode.Scalar: Unicode.Scalar] = {
    let pairs: [(String, Unicode.Scalar)] = [
        ("àáâãäåā", "a"), ("ÀÁÂÃÄÅĀ", "A"), ("çćč", "c"), ("ÇĆČ", "C"), ("èéêëēę", "e"), ("ÈÉÊËĒĘ", "E"),
        ("ìíîïī", "i"), ("ÌÍÎÏĪ", "I"), ("ñń", "n"), ("ÑŃ", "N"), ("òóôõöøō", "o"), ("ÒÓÔÕÖØŌ", "O"),
        ("ùúûüū", "u"), ("ÙÚÛÜŪ", "U"), ("ýÿ", "y"), ("Ý", "Y"), ("šś", "s"), ("ŠŚ", "S"), ("žźż", "z"), ("ŽŹŻ", "Z"),
    ]
    var table: [Unicode.Scalar: Unicode.Scalar] = [:]
    for (letters, base) in pairs {
        for scalar in letters.unicodeScalars { table[scalar] = base }
    }
    return table
}()

/// Latin spellings of Cyrillic letters (a simplified ISO 9 / BGN reading that needs no diacritics) and of Greek letters.
private let transliteration: [Unicode.Scalar: String] = {
    let pairs: [(String, String)] = [
        ("а", "a"), ("б", "b"), ("в", "v"), ("г", "g"), ("д", "d"), ("е", "e"), ("ё", "e"), ("ж", "zh"), ("з", "z"), ("и", "i"),
        ("й", "i"), ("к", "k"), ("л", "l"), ("м", "m"), ("н", "n"), ("о", "o"), ("п", "p"), ("р", "r"), ("с", "s"), ("т", "t"),
        ("у", "u"), ("ф", "f"), ("х", "kh"), ("ц", "ts"), ("ч", "ch"), ("ш", "sh"), ("щ", "shch"), ("ъ", ""), ("ы", "y"), ("ь", ""),
        ("э", "e"), ("ю", "iu"), ("я", "ia"), ("і", "i"), ("ї", "i"), ("є", "ie"), ("ґ", "g"), ("ў", "u"),
        ("α", "a"), ("β", "v"), ("γ", "g"), ("δ", "d"), ("ε", "e"), ("ζ", "z"), ("η", "i"), ("θ", "th"), ("ι", "i"), ("κ", "k"),
        ("λ", "l"), ("μ", "m"), ("ν", "n"), ("ξ", "x"), ("ο", "o"), ("π", "p"), ("ρ", "r"), ("σ", "s"), ("ς", "s"), ("τ", "t"),
        ("υ", "y"), ("φ", "f"), ("χ", "ch"), ("ψ", "ps"), ("ω", "o"),
        ("ά", "a"), ("έ", "e"), ("ή", "i"), ("ί", "i"), ("ϊ", "i"), ("ΐ", "i"), ("ό", "o"), ("ύ", "y"), ("ϋ", "y"), ("ΰ", "y"), ("ώ", "o"),
    ]
    var table: [Unicode.Scalar: String] = [:]
    for (letter, latin) in pairs {
        table[letter.unicodeScalars.first!] = latin
        // The capital letter reads the same; `make` lowercases the Latin result.
        let capital = letter.uppercased().unicodeScalars
        if capital.count == 1, let scalar = capital.first, table[scalar] == nil { table[scalar] = latin }
    }
    return table
}()
