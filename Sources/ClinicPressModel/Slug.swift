/// Turns titles, tags and file names into URL path segments.
public enum Slug {
    /// Lowercase ASCII letters and digits joined by single hyphens: `"IV Therapy & NAD+"` → `"iv-therapy-nad"`.
    /// Accented Latin letters lose their accents; other characters separate words.
    public static func make(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in text.decomposedStringWithCanonicalMappingLite.unicodeScalars {
            let value = scalar.value
            let isLetterOrDigit = (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value)
            if isLetterOrDigit {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(Unicode.Scalar(UInt8(value)).lowercasedASCII)
            } else if (0x300...0x36F).contains(value) || value == 0x27 || value == 0x2019 {
                // combining accents and apostrophes vanish: "Men's" → "mens"
                continue
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    /// True when the text is already a valid slug: non-empty, `[a-z0-9-]`, no leading, trailing or double hyphen.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--") else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

private extension Unicode.Scalar {
    var lowercasedASCII: Unicode.Scalar {
        (0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : self
    }
}

private extension String {
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
