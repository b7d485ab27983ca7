/// Escaping for text placed in HTML or XML that ClinicPress writes outside templates (feeds, sitemaps,
/// citation lists).
public enum Markup {
    /// `&`, `<`, `>`, `"` and `'` as entities; control characters other than tab and newline removed
    /// (XML 1.0 does not allow them at all, and in HTML they only hide things).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
