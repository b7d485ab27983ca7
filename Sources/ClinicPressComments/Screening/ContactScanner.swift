/// Finds email addresses (plain and spelled out), phone numbers and street addresses.
///
/// Phone numbers are read as groups of ASCII digits joined by short separators (space, `-`, `.`, brackets):
/// `+` and 8–15 digits; 3-3-4 (with an optional leading 1); a 4+ digit trunk-prefixed national number starting
/// with 0; 3-4 joined by `-` or `.` unless it reads as a range or an amount ("800-1200 calories", "$100-1500");
/// and, next to a word like "call", "text" or "cell", any 7–11 digits. Dates (4-2-2, 2-2-4), decimals, times,
/// versions and counts don't fit those shapes.
///
/// Street addresses are a house number, one to three capitalised name words (or ordinals, compass points) and a
/// street type ("123 Maple Street", "1180 W Harbor Blvd"), or a PO box.
///
/// The scanner reports where each contact detail is (`contacts()`), and that is what "approve with contact details
/// removed" removes (`ContactRedaction`): the check that refuses an approval and the clean-up cannot disagree.
struct ContactScanner {
    /// A contact detail found, and where: a range of `ScreeningText.scalars`.
    struct Contact: Equatable {
        enum Kind: Equatable {
            case email, phone, streetAddress
        }

        var kind: Kind
        var range: Range<Int>
    }

    let text: ScreeningText

    init(_ text: ScreeningText) { self.text = text }

    func hasContact() -> Bool {
        !text.emails.isEmpty || !spelledOutEmails(firstOnly: true).isEmpty || !phoneNumbers(firstOnly: true).isEmpty
            || !streetAddresses(firstOnly: true).isEmpty
    }

    /// Every contact detail, in text order; where two overlap, the first one found (emails, then phone numbers, then
    /// street addresses) stands for both.
    func contacts() -> [Contact] {
        let found = text.emails.map { Contact(kind: .email, range: $0) }
            + spelledOutEmails(firstOnly: false).map { Contact(kind: .email, range: $0) }
            + phoneNumbers(firstOnly: false).map { Contact(kind: .phone, range: $0) }
            + streetAddresses(firstOnly: false).map { Contact(kind: .streetAddress, range: $0) }
        var kept: [Contact] = []
        for contact in found where !kept.contains(where: { $0.range.overlaps(contact.range) }) {
            kept.append(contact)
        }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    // MARK: Spelled-out emails

    static let emailTLDs: Set<String> = [
        "com", "net", "org", "edu", "gov", "io", "co", "us", "uk", "ca", "de", "info", "me", "biz", "au", "nz", "ie",
    ]
    static let mailProviders: Set<String> = [
        "gmail", "yahoo", "hotmail", "outlook", "icloud", "aol", "protonmail", "proton", "live", "msn", "mail",
        "gmx", "zoho", "yandex", "comcast", "verizon",
    ]

    /// "name at gmail dot com", "sam [at] example [dot] org", "rosa(at)example(dot)net", "jane at example.com": from
    /// the name to the end of the domain.
    func spelledOutEmails(firstOnly: Bool) -> [Range<Int>] {
        let words = text.words
        var found: [Range<Int>] = []
        for i in words.indices where words[i].text == "at" && i > 0 {
            if firstOnly, !found.isEmpty { break }
            let user = words[i - 1]
            guard !user.isLink, !user.isEmail, i + 1 < words.count else { continue }
            let domain = words[i + 1]
            // "jane at example.com": the domain was read as a bare link.
            if domain.isLink {
                // Only a mail provider ("at gmail.com") or a mailbox-looking name after a word like "email"
                // ("email jane at example.com"); "order now at shop.example.com" is a link, not an address.
                let host = domain.text
                let labels = host.split(separator: ".")
                guard !host.contains("/"), !host.hasPrefix("www."), !host.hasPrefix("http"),
                      let last = labels.last, Self.emailTLDs.contains(String(last)),
                      user.text.count >= 2, !Self.notUserNames.contains(user.text)
                else { continue }
                let address = user.start..<domain.end
                if let first = labels.first, Self.mailProviders.contains(String(first)) {
                    found.append(address)
                } else if (max(0, i - 5)..<(i - 1)).contains(where: { Self.emailWords.contains(words[$0].text) }) {
                    found.append(address)
                }
                continue
            }
            // "at example dot com", "at example dot co dot uk"
            var j = i + 1
            while j + 1 < words.count, !words[j].isLink, words[j].text.unicodeScalars.allSatisfy(ScreeningText.isAlnum) {
                if words[j + 1].text == "dot", j + 2 < words.count {
                    let tld = words[j + 2].text
                    if Self.emailTLDs.contains(tld) {
                        // The longest address: "at example dot co dot uk" goes on to "uk".
                        var end = j + 2
                        while end + 2 < words.count, words[end + 1].text == "dot", Self.emailTLDs.contains(words[end + 2].text) { end += 2 }
                        found.append(user.start..<words[end].end)
                        break
                    }
                    j += 2
                    continue
                }
                break
            }
        }
        return found
    }

    static let emailWords: Set<String> = ["email", "e-mail", "mail", "emails", "emailing", "address", "contact", "write", "inbox"]

    /// Words before "at" that are clearly not a mailbox name ("look at example.com").
    static let notUserNames: Set<String> = [
        "look", "looking", "looked", "see", "read", "info", "more", "details", "online", "here", "there", "it",
        "them", "us", "me", "available", "posted", "found", "listed", "page", "site", "website", "guide", "out",
    ]

    // MARK: Phone numbers

    static let phoneContextWords: Set<String> = [
        "call", "calling", "called", "text", "texting", "phone", "number", "cell", "mobile", "tel", "telephone",
        "ring", "fax", "whatsapp", "signal", "telegram", "dial", "reach", "contact", "ph", "sms", "line", "hotline",
        "voicemail",
    ]
    static let referenceWords: Set<String> = [
        "order", "reference", "ref", "account", "case", "invoice", "confirmation", "member", "policy", "id", "claim",
        "tracking", "serial", "model", "batch", "lot", "patient", "chart", "record", "receipt", "ticket", "version",
    ]
    /// Words after a number that make it a quantity rather than a phone number.
    static let quantityWords: Set<String> = [
        "calories", "calorie", "kcal", "mg", "mcg", "ml", "units", "unit", "iu", "lbs", "lb", "pounds", "kg", "steps",
        "words", "people", "patients", "participants", "miles", "km", "minutes", "hours", "days", "weeks", "months",
        "years", "dollars", "usd", "times", "sessions", "infusions", "mg/kg", "per", "percent", "ft", "feet", "grams",
        "g", "cc", "sq",
    ]

    private struct NumberRun {
        var groups: [Substring] = []
        var groupEnds: [Int] = []
        var separators: [String] = []
        var plus = false
        var start = 0
        var end = 0
    }

    /// The phone numbers, each from its `+` or opening bracket to its last digit (or closing bracket).
    func phoneNumbers(firstOnly: Bool) -> [Range<Int>] {
        let s = text.lower
        let n = s.count
        var found: [Range<Int>] = []
        var i = 0
        while i < n, !(firstOnly && !found.isEmpty) {
            let c = s[i]
            guard ScreeningText.isDigit(c) || ((c == "+" || c == "(") && i + 1 < n && ScreeningText.isDigit(s[i + 1])) else {
                i += 1
                continue
            }
            // Not in the middle of a word, number or address.
            if i > 0 {
                let p = s[i - 1]
                if ScreeningText.isAlnum(p) || p == "." || p == "," || p == "/" || p == "$" || p == "#" || p == "-" || p == ":" || p == "£" || p == "€" {
                    i += 1
                    while i < n, ScreeningText.isAlnum(s[i]) { i += 1 }
                    continue
                }
            }
            let run = readRun(s, from: i)
            if isPhone(run) {
                found.append(run.start..<run.end)
                i = max(run.end, i + 1)
                continue
            }
            // "555-0142 555-0199": a phone number followed by more numbers.
            var end = run.end
            if run.groups.count > 2 {
                for count in stride(from: min(run.groups.count - 1, 4), through: 2, by: -1) {
                    var prefix = run
                    prefix.groups = Array(run.groups[..<count])
                    prefix.groupEnds = Array(run.groupEnds[..<count])
                    prefix.separators = Array(run.separators[..<(count - 1)])
                    prefix.end = run.groupEnds[count - 1]
                    if isPhone(prefix) {
                        found.append(prefix.start..<prefix.end)
                        // The numbers after it are read again: the next may be a phone number too.
                        end = prefix.end
                        break
                    }
                }
            }
            i = max(end, i + 1)
        }
        return found
    }

    private func readRun(_ s: [Unicode.Scalar], from start: Int) -> NumberRun {
        var run = NumberRun()
        run.start = start
        var i = start
        if s[i] == "+" { run.plus = true; i += 1 }
        var pendingSeparator = ""
        if s[i] == "(" { i += 1 }
        while i < s.count {
            var j = i
            while j < s.count, ScreeningText.isDigit(s[j]) { j += 1 }
            guard j > i else { break }
            var digits = String.UnicodeScalarView()
            digits.append(contentsOf: s[i..<j])
            run.groups.append(Substring(String(digits)))
            run.groupEnds.append(j)
            if run.groups.count > 1 { run.separators.append(pendingSeparator) }
            run.end = j
            // A separator: at most three characters of space, -, ., ( and ), then a digit.
            var k = j
            var sep = ""
            while k < s.count, k - j < 3, [" ", "-", ".", "(", ")"].contains(s[k]) {
                sep.unicodeScalars.append(s[k])
                k += 1
            }
            guard !sep.isEmpty, k < s.count, ScreeningText.isDigit(s[k]), !sep.contains("\n") else {
                // A closing bracket right after the last group belongs to it.
                if j < s.count, s[j] == ")" { run.end = j + 1 }
                break
            }
            pendingSeparator = sep
            i = k
            if run.groups.count > 8 { break }
        }
        return run
    }

    private func isPhone(_ run: NumberRun) -> Bool {
        let s = text.lower
        // Letters or digits glued on after the run ("555-0142abc", "12th") mean it isn't a phone number.
        if run.end < s.count, ScreeningText.isLetter(s[run.end]) { return false }
        if run.end < s.count, s[run.end] == "%" { return false }
        let sizes = run.groups.map(\.count)
        let digits = sizes.reduce(0, +)
        let seps = run.separators
        let context = hasPhoneContext(before: run.start)
        // Starting with a year ("2026-0415-88", "1998 2004") reads as a date or a reference, not a phone number.
        if !run.plus, sizes[0] == 4, run.groups[0].hasPrefix("19") || run.groups[0].hasPrefix("20") { return false }
        let quantityAfter = isQuantity(after: run.end)

        if run.plus {
            return digits >= 8 && digits <= 15 && sizes[0] <= 3 + (sizes.count == 1 ? 12 : 0)
        }
        if quantityAfter { return false }
        // Decimal-looking groups ("2.5", "1.5.2") and clock times never count.
        if sizes.count >= 2, seps.allSatisfy({ $0 == "." }), sizes.contains(where: { $0 < 3 }) { return false }
        // (555) 014-2222, 555-014-2222, 555.014.2222, 555 014 2222, 1-555-014-2222
        if sizes == [3, 3, 4] || sizes == [1, 3, 3, 4] && run.groups[0] == "1" {
            return true
        }
        // National numbers with a trunk 0: 020 7946 0958, 0161 496 0000
        if sizes.count >= 2, run.groups[0].hasPrefix("0"), sizes[0] >= 3, sizes[0] <= 5, digits >= 10, digits <= 11 {
            return true
        }
        // 555-0142, 555.0142
        if sizes == [3, 4], seps.count == 1 {
            let sep = seps[0]
            let first = run.groups[0], second = run.groups[1]
            if sep == "-" || sep == "." {
                if first.hasPrefix("0") || first.hasPrefix("1") { return context }
                // Round ranges ("800-1200", "500-1000") and amounts.
                if first.hasSuffix("0") && second.hasSuffix("00") { return context }
                if isRangeOrAmount(before: run.start) { return false }
                return true
            }
            return context && (sep == " ")
        }
        // Anything 7–11 digits next to a word like "call", "text", "cell".
        if context, digits >= 7, digits <= 11, sizes.allSatisfy({ $0 >= 2 }) || sizes.count == 1 {
            return true
        }
        return false
    }

    /// A phone word within four words before `offset`.
    private func hasPhoneContext(before offset: Int) -> Bool {
        let words = text.words
        var idx = firstWord(atOrAfter: offset)
        var steps = 0
        while idx > 0, steps < 5 {
            idx -= 1
            steps += 1
            let t = words[idx].text
            if Self.phoneContextWords.contains(t) {
                // "order number", "case number", "policy number" are references, not phone numbers.
                if t == "number", idx > 0, Self.referenceWords.contains(words[idx - 1].text) { return false }
                return true
            }
            if words[idx].breakBefore == .sentence { break }
        }
        return false
    }

    /// Index of the first word starting at or after scalar `offset` (binary search; words are in order).
    private func firstWord(atOrAfter offset: Int) -> Int {
        let words = text.words
        var lo = 0, hi = words.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if words[mid].start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private func isQuantity(after offset: Int) -> Bool {
        let words = text.words
        let idx = firstWord(atOrAfter: offset)
        guard idx < words.count else { return false }
        return Self.quantityWords.contains(words[idx].text)
    }

    private func isRangeOrAmount(before offset: Int) -> Bool {
        let words = text.words
        let idx = firstWord(atOrAfter: offset) - 1
        guard idx >= 0 else { return false }
        return ["between", "from", "about", "around", "approximately", "roughly", "of", "paid", "costs", "cost", "spent", "only", "just"].contains(words[idx].text)
    }

    // MARK: Street addresses

    static let streetTypes: Set<String> = [
        "street", "st", "avenue", "ave", "av", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive", "dr",
        "court", "ct", "way", "place", "pl", "terrace", "ter", "parkway", "pkwy", "highway", "hwy", "circle", "cir",
        "crescent", "close", "square", "sq", "trail", "trl", "row", "alley", "plaza", "pike", "loop", "run", "path",
        "crossing", "grove", "gardens", "mews", "walk", "hill",
    ]
    static let compassPoints: Set<String> = ["n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west"]
    /// Capitalised words that start sentences and names but never a street name before a street type.
    static let notStreetNames: Set<String> = ["the", "a", "an", "and", "or", "my", "our", "your", "his", "her", "their", "i", "mr", "mrs", "ms", "minutes", "hours", "days", "weeks"]

    /// The street addresses, from the house number to the street type ("123 Maple Street"), and PO boxes ("PO Box 12").
    func streetAddresses(firstOnly: Bool) -> [Range<Int>] {
        let words = text.words
        var found: [Range<Int>] = []
        var i = 0
        while i < words.count, !(firstOnly && !found.isEmpty) {
            defer { i += 1 }
            guard words[i].isNumber || isHouseNumber(words[i]) else { continue }
            let number = words[i]
            guard number.text.count <= 6, !number.text.contains("."), !number.text.contains(",") || number.text.count <= 6 else { continue }
            // "PO Box 123"
            if i >= 1, words[i - 1].text == "box", i >= 2, ["po", "p.o"].contains(words[i - 2].text) {
                found.append(words[i - 2].start..<number.end)
                continue
            }
            var j = i + 1
            var names = 0
            while j < words.count, names <= 3 {
                let w = words[j]
                if w.breakBefore != .none || w.isLink || w.isEmail { break }
                if names >= 1, Self.streetTypes.contains(w.text) {
                    // "Dr" and "St" also precede names ("Dr Patel", "St Mary's"): need the number-name-type order only.
                    found.append(number.start..<w.end)
                    i = j
                    break
                }
                let isName = (w.capitalized && !Self.notStreetNames.contains(w.text))
                    || Self.compassPoints.contains(w.text) && w.capitalized
                    || isOrdinal(w.text)
                guard isName else { break }
                names += 1
                j += 1
            }
        }
        return found
    }

    private func isHouseNumber(_ w: Word) -> Bool {
        // "12B", "221b"
        let scalars = Array(w.text.unicodeScalars)
        guard scalars.count >= 2, scalars.count <= 6, let last = scalars.last, ScreeningText.isLetter(last) else { return false }
        return scalars.dropLast().allSatisfy(ScreeningText.isDigit)
    }

    private func isOrdinal(_ t: String) -> Bool {
        for suffix in ["st", "nd", "rd", "th"] where t.hasSuffix(suffix) {
            let head = t.dropLast(2)
            if !head.isEmpty, head.unicodeScalars.allSatisfy(ScreeningText.isDigit) { return true }
        }
        return false
    }
}
