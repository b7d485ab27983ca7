/// Finds spam by phrasing and shape. One strong sign is enough; otherwise two different weak signs are.
///
/// Strong: pharmacy, casino, crypto, loan, SEO and prize phrasing ("without a prescription", "buy … online",
/// "click here", "check out my site", "visit us at", "free spins", "backlinks", "loans approved"); a link whose
/// address carries such words; a link or email address in the author name; commercial words in the author name
/// ("CanadaPharmacy24", "Best Price Meds"); a comment that is only links; mostly capitals; a letter or `!` repeated
/// five or more times; a word repeated three times running.
///
/// Weak: any link; generic praise ("great post", "very informative", "keep it up"); commercial words (cheap,
/// discount, deal, promo, "% off"); drugs sold by spammers (Xanax, tramadol, phentermine); "visit"; messaging-app
/// solicitations; "near me"; an author name of six words or more.
struct SpamScanner {
    let body: ScreeningText
    let author: ScreeningText
    let authorRaw: String

    /// Word sequences that are spam on their own.
    static let strongPhrases: [[String]] = [
        ["without", "a", "prescription"], ["without", "prescription"], ["without", "rx"], ["no", "prescription"],
        ["no", "rx"], ["no", "doctor", "needed"], ["no", "doctor", "required"], ["no", "questions", "asked"],
        ["online", "pharmacy"], ["discreet", "delivery"], ["discreet", "shipping"], ["discreet", "packaging"],
        ["worldwide", "shipping"], ["worldwide", "delivery"], ["ships", "worldwide"], ["fast", "shipping"],
        ["overnight", "delivery"], ["overnight", "shipping"], ["next", "day", "delivery"], ["free", "shipping"],
        ["order", "now"], ["buy", "now"], ["order", "today"], ["limited", "offer"], ["limited", "time", "offer"],
        ["click", "here"], ["free", "spins"], ["casino"], ["casinos"], ["sportsbook"], ["sports", "betting"],
        ["betting", "tips"], ["slot", "machines"], ["online", "slots"], ["bitcoin"], ["crypto"], ["cryptocurrency"],
        ["forex"], ["trading", "signals"], ["seo"], ["backlink"], ["backlinks"], ["guest", "post"],
        ["free", "audit"], ["rank", "higher"], ["first", "page", "of", "google"], ["essay", "writing"], ["replica"],
        ["love", "spell"], ["spell", "caster"], ["hot", "singles"], ["singles", "in", "your", "area"],
        ["claim", "your", "prize"], ["you", "have", "been", "selected"], ["you", "have", "won"], ["bad", "credit"],
        ["fast", "approval"], ["payday"], ["viagra"], ["cialis"], ["levitra"], ["make", "money"],
        ["earn", "money"], ["passive", "income"], ["visit", "us"], ["visit", "our"], ["100", "guaranteed"],
        ["lowest", "price"], ["lowest", "prices"], ["special", "offer"], ["act", "now"], ["buy", "cheap"],
        ["cheap", "pills"], ["cheap", "meds"], ["generic", "viagra"], ["money", "back", "guarantee"],
        ["with", "code"], ["use", "code"], ["promo", "code"], ["coupon", "code"], ["discount", "code"],
    ]

    static let ownPlaces: Set<String> = [
        "site", "blog", "page", "website", "channel", "shop", "store", "profile", "link", "links", "web", "webpage",
        "youtube", "instagram", "tiktok", "podcast", "bio", "post", "offer", "products", "services",
    ]

    /// Words in a link address that mark it as spam.
    static let urlSpamWords: [String] = [
        "pharma", "pharmacy", "pill", "meds", "casino", "loan", "cheap", "buy", "deal", "viagra", "cialis", "seo",
        "crypto", "bitcoin", "dating", "prize", "shop", "sale", "discount", "promo", "coupon", "ref=", "affiliate",
        "bonus", "bet", "spins", "slots", "xanax", "tramadol", "oxy", "replica", "win", "cash", "keto",
    ]

    static let authorSpamWords: Set<String> = [
        "pharmacy", "pharma", "meds", "pills", "pill", "casino", "loans", "loan", "seo", "shop", "store", "deals",
        "deal", "cheap", "buy", "discount", "crypto", "bitcoin", "forex", "replica", "essay", "essays", "spell",
        "caster", "cash", "viagra", "cialis", "rx", "drugs", "betting", "bet", "spins", "slots", "marketing",
        "backlinks", "backlink", "keto", "supplements", "price", "prices", "sale", "promo", "prize", "winner",
        "rank", "ranking", "traffic", "online", "watches", "site", "website", "www", "com", "net", "org", "agency",
        "lender", "lending", "tramadol", "xanax", "adderall", "phentermine", "weed", "cbd", "dispensary", "vape",
        "escort", "escorts", "dating",
    ]

    static let praiseAdjectives: Set<String> = [
        "great", "nice", "awesome", "wonderful", "amazing", "excellent", "good", "fantastic", "informative", "useful",
        "helpful", "interesting", "lovely", "superb", "brilliant", "cool", "fine",
    ]
    static let praiseNouns: Set<String> = ["post", "article", "blog", "content", "site", "info", "information", "read", "write", "writeup", "website", "share", "work", "job", "piece", "explanation"]
    static let commercialWords: Set<String> = [
        "cheap", "cheapest", "discount", "discounts", "deal", "deals", "sale", "promo", "coupon", "bonus", "prize",
        "lowest", "guaranteed", "wholesale", "bargain", "affordable", "offer", "order", "shop", "buy",
    ]
    static let spamDrugs: Set<String> = [
        "xanax", "valium", "tramadol", "oxycodone", "oxy", "adderall", "phentermine", "ambien", "percocet",
        "hydrocodone", "codeine", "modafinil", "soma", "klonopin", "steroids", "kratom", "pills",
    ]
    static let intensifiers: Set<String> = ["very", "so", "really", "much", "thank", "thanks", "please", "ha", "haha", "no", "yes", "lol", "more", "la"]

    init(author: String, body: ScreeningText) {
        self.body = body
        self.author = ScreeningText(Self.splitCamelCase(author))
        self.authorRaw = author
    }

    /// "CanadaPharmacy24" → "Canada Pharmacy 24", so the author's words can be read.
    static func splitCamelCase(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for c in s.unicodeScalars {
            if let p = previous {
                let lowerToUpper = p.properties.isLowercase && c.properties.isUppercase
                let letterDigit = ScreeningText.isLetter(p) && ScreeningText.isDigit(c)
                let digitLetter = ScreeningText.isDigit(p) && ScreeningText.isLetter(c)
                if lowerToUpper || letterDigit || digitLetter { out.append(" ") }
            }
            out.append(c)
            previous = c
        }
        return String(out)
    }

    func isSpam() -> Bool {
        if hasStrongSign() { return true }
        let weak = weakSigns()
        // Praise and a link together are also how readers share a source; they need a third sign.
        if weak == ["link", "praise"] { return false }
        return weak.count >= 2
    }

    // MARK: Strong signs

    func hasStrongSign() -> Bool {
        let words = body.words
        // Phrases.
        for i in words.indices {
            for phrase in Self.strongPhrases where matches(phrase, at: i, in: words) {
                if !negated(before: i, in: words) { return true }
            }
            let t = words[i].text
            // "check out my site", "visit my blog", "check out our shop"
            if t == "my" || t == "our", i >= 1 {
                let prev = words[i - 1].text
                let prev2 = i >= 2 ? words[i - 2].text : ""
                let lead = ["visit", "check", "follow", "subscribe", "see"].contains(prev) || (prev == "out" && prev2 == "check") || (prev == "to" && prev2 == "subscribe")
                if lead, i + 1 < words.count, Self.ownPlaces.contains(words[i + 1].text) || (i + 2 < words.count && Self.ownPlaces.contains(words[i + 2].text)) {
                    return true
                }
            }
            // "buy ketamine online", "order … online"
            if t == "buy" || t == "order" || t == "purchase" {
                if negated(before: i, in: words) { continue }
                var j = i + 2
                while j < min(words.count, i + 7), words[j].sentence == words[i].sentence {
                    if words[j].text == "online" { return true }
                    j += 1
                }
            }
            // "loans approved in 24h", "need a loan? fast approval"
            if t == "loan" || t == "loans" {
                for j in max(0, i - 5)..<min(words.count, i + 6) where ["approved", "approval", "apply", "instant", "payday", "lender", "lenders", "guaranteed", "quick", "fast"].contains(words[j].text) {
                    return true
                }
            }
        }
        // Money made from home.
        if containsPhrase(["from", "home"], in: words),
           words.contains(where: { ["earn", "earning", "earnings", "income", "money", "cash", "paid"].contains($0.text) })
        {
            return true
        }
        // Link addresses.
        let links = words.filter(\.isLink)
        for link in links where Self.urlSpamWords.contains(where: { Self.addressContains(link.text, $0) }) {
            return true
        }
        // A comment that is only links.
        if !links.isEmpty {
            let prose = words.filter { !$0.isLink && !$0.isEmail && !$0.isNumber }.count
            if prose <= 2 { return true }
        }
        // The author name.
        if !author.links.isEmpty || !author.emails.isEmpty { return true }
        if author.words.contains(where: { Self.authorSpamWords.contains($0.text) }) { return true }
        if containsPhrase(["near", "me"], in: author.words) || containsPhrase(["best", "price"], in: author.words) { return true }
        // Shape.
        if mostlyCapitals(body) { return true }
        if hasRepeatedCharacters(body) || hasRepeatedCharacters(author) { return true }
        if hasRepeatedWords(body.words) || hasRepeatedWords(author.words) { return true }
        return false
    }

    /// A spam word in a link's host or path, at a word boundary inside the address ("cheap-meds.example.net",
    /// "example.com/casino", "?ref=glow"), ignoring the example domains themselves.
    static func addressContains(_ address: String, _ word: String) -> Bool {
        var rest = Substring(address)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if rest.hasPrefix("www.") { rest = rest.dropFirst(4) }
        var searchStart = rest.startIndex
        while let r = rest.range(of: word, range: searchStart..<rest.endIndex) {
            let before = r.lowerBound == rest.startIndex ? " " : rest[rest.index(before: r.lowerBound)]
            if word.hasSuffix("=") || !(before.isLetter) {
                return true
            }
            searchStart = r.upperBound
        }
        return false
    }

    private func matches(_ phrase: [String], at i: Int, in words: [Word]) -> Bool {
        guard i + phrase.count <= words.count else { return false }
        for (k, p) in phrase.enumerated() {
            let w = words[i + k]
            if w.text != p { return false }
            if k > 0, w.breakBefore == .sentence { return false }
        }
        return true
    }

    private func containsPhrase(_ phrase: [String], in words: [Word]) -> Bool {
        words.indices.contains { matches(phrase, at: $0, in: words) }
    }

    /// "don't buy", "never order", "not something to buy" just before.
    private func negated(before i: Int, in words: [Word]) -> Bool {
        var k = i - 1
        var steps = 0
        while k >= 0, steps < 3, words[k + 1].breakBefore != .sentence {
            if HealthLexicon.negations.contains(words[k].text) && words[k].text != "without" { return true }
            k -= 1
            steps += 1
        }
        return false
    }

    private func mostlyCapitals(_ t: ScreeningText) -> Bool {
        var inLink = [Bool](repeating: false, count: t.scalars.count)
        for r in t.links { for k in r { inLink[k] = true } }
        var letters = 0
        var upper = 0
        for (k, s) in t.scalars.enumerated() where !inLink[k] && ScreeningText.isLetter(s) {
            letters += 1
            if s.properties.isUppercase { upper += 1 }
        }
        return letters >= 20 && upper * 10 >= letters * 7
    }

    /// The same letter, `!` or `?` five or more times in a row (outside links).
    private func hasRepeatedCharacters(_ t: ScreeningText) -> Bool {
        var inLink = [Bool](repeating: false, count: t.lower.count)
        for r in t.links { for k in r { inLink[k] = true } }
        var run = 0
        var previous: Unicode.Scalar?
        for (k, s) in t.lower.enumerated() {
            guard !inLink[k], ScreeningText.isLetter(s) || s == "!" || s == "?" else {
                previous = nil
                run = 0
                continue
            }
            if s == previous { run += 1 } else { run = 1; previous = s }
            if run >= 5 { return true }
        }
        return false
    }

    /// The same word three times running (four for intensifiers like "very").
    private func hasRepeatedWords(_ words: [Word]) -> Bool {
        var run = 1
        for k in words.indices.dropFirst() {
            let w = words[k]
            if !w.isNumber, !w.isLink, w.text == words[k - 1].text, w.breakBefore != .sentence {
                run += 1
                let needed = Self.intensifiers.contains(w.text) ? 4 : 3
                if run >= needed { return true }
            } else {
                run = 1
            }
        }
        return false
    }

    // MARK: Weak signs

    func weakSigns() -> Set<String> {
        let words = body.words
        var signs: Set<String> = []
        if words.contains(where: \.isLink) { signs.insert("link") }
        for i in words.indices {
            let t = words[i].text
            let next = i + 1 < words.count ? words[i + 1].text : ""
            if Self.praiseAdjectives.contains(t), Self.praiseNouns.contains(next) { signs.insert("praise") }
            if t == "very" && (next == "informative" || next == "useful" || next == "helpful") { signs.insert("praise") }
            if (t == "thanks" || t == "thank") && (next == "for" && i + 2 < words.count && words[i + 2].text == "sharing") { signs.insert("praise") }
            if t == "keep" && next == "it" && i + 2 < words.count && words[i + 2].text == "up" { signs.insert("praise") }
            if t == "keep" && next == "up" { signs.insert("praise") }
            if Self.commercialWords.contains(t), !(t == "order" && (next == "to" || next == "for")), !(t == "offer" && i > 0 && ["you", "clinic", "they", "we", "does", "do"].contains(words[i - 1].text)) {
                if t != "order" && t != "offer" && t != "shop" && t != "buy" || !negated(before: i, in: words) { signs.insert("commercial") }
            }
            if Self.spamDrugs.contains(t) { signs.insert("drug") }
            if t == "visit" { signs.insert("visit") }
            if ["whatsapp", "telegram", "wechat", "kik"].contains(t) || (t == "dm" && next == "me") { signs.insert("messaging") }
            if t == "near" && next == "me" { signs.insert("near me") }
        }
        // "70% off"
        let lower = body.lower
        if lower.count >= 5 {
            for k in 1..<(lower.count - 4) where lower[k] == "%" && ScreeningText.isDigit(lower[k - 1]) {
                if lower[k + 1] == " " && lower[k + 2] == "o" && lower[k + 3] == "f" && lower[k + 4] == "f" { signs.insert("commercial") }
            }
        }
        if author.words.count >= 6 { signs.insert("long author") }
        return signs
    }
}
