/// Finds health disclosures and testimonials by walking the comment's words.
///
/// A disclosure needs a specific person and a health term joined the way people report facts about themselves:
/// - a subject ("I", "my husband", "she" once a relative was named) followed by auxiliaries, a predicate
///   ("have", "takes", "started", "struggles", "is on") and a health term, possibly through modifiers
///   ("I've had three ketamine infusions", "my son takes 0.5 mg of clonazepam"); "diagnosed" and
///   "prescribed" suffice on their own; "is/am" + a condition adjective ("my partner is bipolar");
/// - a possessive noun phrase: "my/our" (or a relative's "'s") + modifiers + a health term
///   ("my panic attacks", "my sister's anxiety", "my first infusion", "my therapist");
/// - an identity statement naming a condition ("I'm a veteran with PTSD");
/// - a treatment acting on the person ("the infusions made me nauseous", "ketamine didn't do much for me");
/// - being on a named medication in a first-person sentence ("… a day on semaglutide");
/// - a count of treatments had so far ("five sessions of TMS in", "three rounds of ketamine and I …"),
///   being taken to treatment ("drove me to every infusion"), recovery ("forty years sober"), a procedure
///   ("I had my gallbladder removed").
/// Health terms are listed conditions, medications (also unlisted generic names by their stem, "zuranolone")
/// and treatments; everyday uses of treatment words don't count ("a session of hot yoga", "my therapist friend").
/// Subjects after "if", "whether" or a question's inverted auxiliary ("should I", "can my son") are skipped,
/// and negation or a non-predicate verb ("I think", "I'm considering") ends the search.
///
/// A testimonial needs an improvement cue ("felt like myself again", "went away", "lost 22 pounds",
/// "cured", "my scores went from 22 to 6"), not negated, wished or asked; a person (in that sentence or the
/// one beside it); and a treatment, medication or the clinic to credit (in that sentence or the one before).
/// A testimonial that names a health term is also a disclosure.
struct HealthScanner {
    typealias L = HealthLexicon

    let words: [Word]
    let sentences: [Sentence]
    /// `relationBefore[i]`: a relative or friend was named before word `i`, so "she", "his" refer to a person.
    private var relationBefore: [Bool]
    /// `wishBefore[i]`: a wish or hypothesis marker ("hope", "if", "would") comes earlier in word `i`'s sentence.
    private var wishBefore: [Bool]
    /// Per sentence, computed once so that checks per word stay constant-time on long comments.
    private var firstPersonIn: [Bool]
    private var wishIn: [Bool]
    private var personIn: [Bool]
    private var creditIn: [(credit: Bool, health: Bool)]

    init(_ text: ScreeningText) {
        words = text.words
        sentences = text.sentences
        relationBefore = [Bool](repeating: false, count: words.count)
        wishBefore = [Bool](repeating: false, count: words.count)
        firstPersonIn = [Bool](repeating: false, count: sentences.count)
        wishIn = firstPersonIn
        personIn = firstPersonIn
        creditIn = [(credit: Bool, health: Bool)](repeating: (false, false), count: sentences.count)
        var seen = false
        for i in words.indices {
            relationBefore[i] = seen
            if !seen, relationStart(at: i) != nil { seen = true }
        }
        for (s, sentence) in sentences.enumerated() {
            var wish = false
            for k in sentence.words {
                wishBefore[k] = wish
                if L.wishMarkers.contains(words[k].text) { wish = true }
                if L.personWords.contains(words[k].text) { firstPersonIn[s] = true }
            }
            wishIn[s] = wish
            personIn[s] = computeSentenceHasPerson(s)
            creditIn[s] = computeSentenceCredit(s)
        }
    }

    // MARK: Helpers

    private func text(_ i: Int) -> String { i >= 0 && i < words.count ? words[i].text : "" }
    private func base(_ i: Int) -> String { i >= 0 && i < words.count ? words[i].base : "" }

    /// True when words `i` and `j` (i < j) are in the same clause.
    private func sameClause(_ i: Int, _ j: Int) -> Bool {
        guard i >= 0, j < words.count, i <= j else { return false }
        if i == j { return true }
        for k in (i + 1)...j where words[k].breakBefore != .none { return false }
        return true
    }

    private func sameSentence(_ i: Int, _ j: Int) -> Bool {
        i >= 0 && j >= 0 && i < words.count && j < words.count && words[i].sentence == words[j].sentence
    }

    /// Words that may stand between "my" and a relative ("my best friend", "my 16-year-old son").
    private static let relationAdjectives: Set<String> = [
        "best", "younger", "older", "little", "big", "oldest", "youngest", "eldest", "teenage", "adult", "late",
        "dear", "close", "ex", "twin", "baby", "step", "grown", "year", "old", "in", "law", "own", "elderly",
        "lovely", "sweet", "poor", "closest", "boy", "girl", "two", "three",
    ]

    /// If word `i` is a relative named as a specific person ("my sister", "our son", "a friend", "Mom"), the index
    /// where that phrase starts.
    func relationStart(at i: Int) -> Int? {
        let w = words[i]
        guard L.relations.contains(w.base) || w.base == "friends" else { return nil }
        var k = i - 1
        var steps = 0
        while k >= 0, steps < 4, words[k + 1].breakBefore == .none {
            let t = words[k].text
            if L.firstPersonPossessives.contains(t) { return k }
            // "a friend has PTSD", "a coworker takes lithium": someone specific, unnamed.
            if t == "a", ["friend", "coworker", "colleague", "neighbor", "neighbour", "cousin"].contains(w.base) { return k }
            if !(Self.relationAdjectives.contains(t) || words[k].isNumber) { break }
            k -= 1
            steps += 1
        }
        // "Mom started TMS": a bare family title, capitalised.
        if L.bareRelations.contains(w.base), w.capitalized { return i }
        // "a friend of mine"
        if i + 2 < words.count, text(i + 1) == "of", text(i + 2) == "mine" || text(i + 2) == "ours" { return i }
        return nil
    }

    /// The word just before `start` (in the same clause) is "if", "whether" or an inverted auxiliary
    /// ("should I", "can my son", "is my daughter").
    private func isHypothetical(before start: Int) -> Bool {
        guard start > 0, words[start].breakBefore == .none else { return false }
        return L.hypotheticalMarkers.contains(words[start - 1].text)
    }

    private static let beForms: Set<String> = ["am", "is", "was", "were", "are", "be", "been", "being", "'m"]

    /// A condition spanning one or two words at `k` ("panic attacks", "hard of hearing"); returns its length.
    private func conditionPhrase(at k: Int) -> Int? {
        guard k + 1 < words.count, words[k + 1].breakBefore == .none else { return nil }
        return L.conditionPairs.contains(base(k) + " " + base(k + 1)) ? 2 : nil
    }

    private func isHealth(at k: Int) -> Bool {
        guard L.isHealthTerm(base(k)) || conditionPhrase(at: k) != nil else { return false }
        // "a session of hot yoga": an everyday use of a treatment word.
        if L.weakTreatmentHeads.contains(base(k)), text(k + 1) == "of" || text(k + 1) == "with" {
            var j = k + 2
            while j < min(words.count, k + 5), L.isModifier(words[j]), !L.isHealthTerm(base(j)) { j += 1 }
            return j < words.count && L.isHealthTerm(base(j))
        }
        // "my therapist friend": the health word describes a person.
        if k + 1 < words.count, words[k + 1].breakBefore == .none, L.relations.contains(base(k + 1)) || base(k + 1) == "friends" {
            return false
        }
        return true
    }

    // MARK: Disclosure patterns

    /// After a subject, reading from `start`: auxiliaries, a predicate, modifiers, then a health term.
    private func predicateFollows(from start: Int, startsWithBe: Bool) -> Bool {
        var k = start
        var sawPredicate = false
        var sawBe = startsWithBe
        var steps = 0
        while k < words.count, steps < 10 {
            let w = words[k]
            if w.isLink || w.isEmail || w.breakBefore == .sentence { return false }
            if w.breakBefore == .clause, !(w.text == "who" || w.text == "and") { return false }
            let t = w.text
            let b = w.base
            if L.negations.contains(t) { return false }
            if L.selfSufficientPredicates.contains(b) { return true }
            if sawPredicate, isHealth(at: k) { return true }
            if sawBe {
                if L.conditionAdjectives.contains(b) { return true }
                if t == "hard", text(k + 1) == "of", text(k + 2) == "hearing" { return true }
            }
            if L.predicates.contains(t) {
                sawPredicate = true
            } else if L.auxiliaries.contains(t) || (!sawPredicate && w.isNumber) {
                if Self.beForms.contains(t) { sawBe = true }
            } else if sawPredicate, L.isModifier(w) {
                // part of the object's noun phrase
            } else {
                return false
            }
            k += 1
            steps += 1
        }
        return false
    }

    /// A possessive at `k` ("my", "our", "her" with a relative named, "sister's") followed by modifiers and a health term.
    private func possessiveHealthPhrase(after k: Int) -> Bool {
        var j = k + 1
        var steps = 0
        while j < words.count, steps < 5 {
            let w = words[j]
            if w.breakBefore != .none || w.isLink || w.isEmail { return false }
            if isHealth(at: j) { return true }
            if L.relations.contains(w.base) { return false }  // "my sister's …" is handled at the relative
            if !L.isModifier(w) || w.text == "of" || w.text == "to" || w.text == "with" {
                return false
            }
            j += 1
            steps += 1
        }
        return false
    }

    /// "I'm a veteran with PTSD", "I'm a fellow PTSD survivor": an identity statement naming a condition.
    private func identityNamesCondition(after k: Int) -> Bool {
        guard text(k + 1) == "a" || text(k + 1) == "an" else { return false }
        var j = k + 2
        while j < min(words.count, k + 6) {
            if words[j].breakBefore != .none { return false }
            if L.conditions.contains(base(j)) || conditionPhrase(at: j) != nil { return true }
            j += 1
        }
        return false
    }

    private static let effectVerbs: Set<String> = [
        "helped", "help", "helps", "worked", "work", "works", "did", "do", "does", "made", "make", "makes", "gave",
        "give", "gives", "cured", "hurt", "hurts", "affected", "affects", "left", "knocked", "changed", "saved",
        "wiped", "caused", "causes", "triggered", "fixed", "got",
    ]
    private static let objectPersons: Set<String> = ["me", "my", "myself", "us", "our"]

    /// "The infusions made me nauseous", "ketamine didn't do much for me": a treatment acting on the writer.
    private func treatmentActsOnPerson(at k: Int) -> Bool {
        let b = base(k)
        guard L.treatments.contains(b) || L.isMedication(b) else { return false }
        if isHypothetical(before: k) || sentenceIsQuestion(k) { return false }
        var j = k + 1
        var sawVerb = false
        while j < min(words.count, k + 8) {
            let w = words[j]
            if w.breakBefore != .none { return false }
            if Self.effectVerbs.contains(w.text) {
                sawVerb = true
            } else if sawVerb, Self.objectPersons.contains(w.text) || (relationBefore[j] && (w.text == "him" || w.text == "her")) {
                return true
            }
            j += 1
        }
        return false
    }

    private func sentenceIsQuestion(_ k: Int) -> Bool {
        let s = words[k].sentence
        return s < sentences.count && sentences[s].isQuestion
    }

    private func sentenceHasFirstPerson(_ k: Int) -> Bool { firstPersonIn[words[k].sentence] }

    /// "on" + a named medication in a first-person statement ("told me to eat 1,200 calories on semaglutide").
    private func onNamedMedication(at k: Int) -> Bool {
        guard text(k) == "on", k + 1 < words.count else { return false }
        var j = k + 1
        while j < min(words.count, k + 4) {
            if words[j].breakBefore != .none { return false }
            let b = base(j)
            if L.isMedication(b) {
                let generic: Set<String> = ["medication", "medications", "meds", "medicine", "pills", "dose", "dosage", "doses", "prescription", "prescriptions"]
                guard !generic.contains(b) else { return false }
                return sentenceHasFirstPerson(k) && !sentenceIsQuestion(k) && !isHypothetical(before: k)
                    && !sentenceHasWish(k)
            }
            if !L.isModifier(words[j]) { return false }
            j += 1
        }
        return false
    }

    /// "Five sessions of TMS in and no change yet", "three infusions in": a count of treatments had so far.
    private func treatmentCountSoFar(at k: Int) -> Bool {
        guard words[k].isNumber || Self.numberWords[text(k)] != nil, text(k) != "no", text(k) != "none" else { return false }
        var j = k + 1
        var sawTreatment = false
        while j < min(words.count, k + 6) {
            if words[j].breakBefore != .none { return false }
            let b = base(j)
            if L.treatments.contains(b) || L.isMedication(b) {
                sawTreatment = true
            } else if text(j) == "in" {
                let next = j + 1 < words.count ? words[j + 1] : nil
                return sawTreatment && (next == nil || next!.breakBefore != .none || next!.text == "and" || next!.text == "now")
            } else if text(j) == "and", sawTreatment {
                // "Three rounds of ketamine and I haven't had a panic attack since."
                return j + 1 < words.count && (L.firstPersonSubjects.contains(text(j + 1)) || text(j + 1) == "my")
            } else if !L.isModifier(words[j]) {
                return false
            }
            j += 1
        }
        return false
    }

    /// "drove me to every single infusion", "came with me to my first session".
    private func personTakenToTreatment(at k: Int) -> Bool {
        guard text(k) == "me" || text(k) == "us", text(k + 1) == "to" else { return false }
        var j = k + 2
        while j < min(words.count, k + 7), words[j].breakBefore == .none {
            if isHealth(at: j), L.treatments.contains(base(j)) || L.conditions.contains(base(j)) { return !isHypothetical(before: k) }
            if !(L.isModifier(words[j]) || ["every", "each", "single", "all", "his", "her"].contains(text(j))) { return false }
            j += 1
        }
        return false
    }

    /// "Forty years sober", "sober for 4 years", "six months clean": recovery.
    private func timeSober(at k: Int) -> Bool {
        guard ["sober", "clean"].contains(text(k)) else { return false }
        if ["years", "months", "weeks", "days", "year", "month"].contains(text(k - 1)) { return text(k) == "sober" || sentenceHasFirstPerson(k) }
        if text(k) == "sober", text(k + 1) == "for" || text(k + 1) == "since" { return sentenceHasFirstPerson(k) }
        return false
    }

    /// "I had my gallbladder removed": a procedure on the person.
    private func hadBodyPartRemoved(at k: Int) -> Bool {
        guard ["had", "got", "having", "getting"].contains(text(k)), ["my", "our", "his", "her"].contains(text(k + 1)) else { return false }
        for j in (k + 2)..<max(k + 2, min(words.count, k + 5)) where words[j].breakBefore == .none {
            if ["removed", "replaced", "repaired", "transplanted", "amputated", "operated", "biopsied", "drained", "stitched", "pumped"].contains(text(j)) {
                return !isHypothetical(before: k)
            }
        }
        return false
    }

    private func sentenceHasWish(_ k: Int) -> Bool { wishIn[words[k].sentence] }

    /// Whether the comment discloses a specific person's health.
    func hasDisclosure() -> Bool {
        for i in words.indices {
            let w = words[i]
            if w.isLink || w.isEmail { continue }
            let t = w.text

            // First-person subjects.
            if L.firstPersonSubjects.contains(t) {
                if isHypothetical(before: i) { continue }
                let be = t == "i'm" || t == "im" || t == "we're"
                if predicateFollows(from: i + 1, startsWithBe: be) { return true }
                if be || (text(i + 1) == "am" || text(i + 1) == "was"), identityNamesCondition(after: be ? i : i + 1) {
                    return true
                }
            }
            // Third-person subjects once a relative was named.
            if relationBefore[i], L.thirdPersonSubjects.contains(t) || w.base == "he" || w.base == "she" {
                if !isHypothetical(before: i),
                   predicateFollows(from: i + 1, startsWithBe: w.hasApostropheS || t.hasSuffix("'re"))
                {
                    return true
                }
            }
            // Relatives: as subject ("my son takes"), and as possessor ("my sister's anxiety").
            if let start = relationStart(at: i), !isHypothetical(before: start) {
                if predicateFollows(from: i + 1, startsWithBe: w.hasApostropheS) { return true }
                if w.hasApostropheS || w.text.hasSuffix("s'"), possessiveHealthPhrase(after: i) { return true }
            }
            // Possessives.
            if L.firstPersonPossessives.contains(t) || (relationBefore[i] && L.thirdPersonPossessives.contains(t)) {
                if !isHypothetical(before: i), possessiveHealthPhrase(after: i) { return true }
            }
            if treatmentActsOnPerson(at: i) { return true }
            if treatmentCountSoFar(at: i) { return true }
            if personTakenToTreatment(at: i) { return true }
            if timeSober(at: i) { return true }
            if hadBodyPartRemoved(at: i) { return true }
            if onNamedMedication(at: i) { return true }
        }
        return false
    }

    // MARK: Testimonials

    private static let betterLeads: Set<String> = [
        "feel", "feels", "felt", "feeling", "doing", "much", "so", "way", "lot", "getting", "got", "sleep",
        "sleeping", "is", "was", "are", "were", "'m", "i'm", "far", "noticeably", "significantly", "even", "been",
        "became", "become", "looks", "look", "looking", "managed",
    ]
    private static let againLeads: Set<String> = [
        "myself", "laughing", "laugh", "smiling", "smile", "sleeping", "sleep", "sleeps", "working", "work",
        "living", "enjoying", "enjoy", "hopeful", "normal", "human", "alive", "can", "could", "able", "functioning",
        "running", "reading", "exercising", "hiking", "painting", "playing", "dancing", "singing", "cooking",
        "driving", "feel", "feeling", "felt", "whole", "present", "me", "herself", "himself", "talking", "joking",
        "socializing", "socialising", "eating", "traveling", "travelling", "gardening", "writing", "drawing",
        "swimming", "walking", "cycling", "baking", "dreaming", "planning", "laughs", "smiles", "talks",
    ]
    private static let singleCues: Set<String> = [
        "cured", "healed", "fixed", "saved", "lifted", "cleared", "eased", "improved", "improvement", "improving",
        "disappeared", "vanished", "gone", "helped", "helps", "helping", "worked", "works", "relief", "relieved",
        "remission", "miracle", "lifesaver", "transformed", "transformative", "thriving", "obsessed", "thrilled",
        "resolved", "subsided", "manageable", "lifting", "easing", "clearing",
    ]
    private static let comparativeCues: Set<String> = [
        "lighter", "calmer", "happier", "quieter", "clearer", "smoother", "younger", "brighter", "healthier",
        "stronger", "steadier", "easier", "softer", "firmer", "tighter", "fuller", "slimmer", "leaner", "fresher",
    ]
    private static let workedWell: Set<String> = [
        "wonders", "miracles", "great", "well", "perfectly", "beautifully", "brilliantly", "amazingly", "fine",
        "immediately", "quickly", "fast", "so", "really", "like", "incredibly", "better", "best", "and", "but", "when",
        "after", "within", "from", "right", "almost", "where", "even", "too", "the",
    ]
    private static let cognitiveVerbs: Set<String> = [
        "understand", "decide", "see", "realize", "realise", "learn", "know", "figure", "prepare", "explain",
        "choose", "find", "make", "plan", "think", "get", "feel", "ask", "write", "talk", "navigate", "compare",
    ]
    private static let weightUnits: Set<String> = ["pounds", "pound", "lbs", "lb", "kg", "kilos", "kilograms", "stone", "kgs"]
    private static let goodEndpoints: Set<String> = ["mild", "minimal", "normal", "zero", "none", "remission", "nothing", "manageable"]
    private static let genericPeople: Set<String> = [
        "people", "patients", "participants", "many", "most", "others", "everyone", "anyone", "someone", "users",
        "studies", "study", "research", "trials", "trial", "subjects", "customers", "clients", "folks", "somebody",
        "anybody", "everybody", "person", "adults",
    ]

    static let numberWords: [String: Double] = [
        "zero": 0, "none": 0, "no": 0, "one": 1, "once": 1, "two": 2, "twice": 2, "three": 3, "four": 4, "five": 5,
        "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    ]

    static func numberValue(_ t: String) -> Double? {
        if let v = numberWords[t] { return v }
        return Double(t.replacingOccurrences(of: ",", with: ""))
    }

    /// Whether word `k` starts an improvement cue.
    private func isOutcomeCue(at k: Int) -> Bool {
        let t = text(k)
        let b = base(k)
        if Self.comparativeCues.contains(b) {
            // "are finally quieter", "looks ten years younger"; not "one of the clearer posts".
            return Self.betterLeads.contains(text(k - 1)) || ["finally", "now", "seems", "seem", "years", "much", "already"].contains(text(k - 1))
        }
        if Self.singleCues.contains(b) {
            if (t == "works" || t == "worked" || t == "helps") && (text(k - 1) == "how" || text(k - 2) == "how") { return false }
            if t == "works" || t == "worked" {
                // "it worked", "worked for me", "worked wonders"; not "works at a clinic".
                let next = k + 1 < words.count ? words[k + 1] : nil
                guard let next, next.breakBefore == .none else { return true }
                if next.text == "for" { return k + 2 < words.count && (L.personWords.contains(text(k + 2)) || ["her", "him", "them", "us"].contains(text(k + 2))) }
                return Self.workedWell.contains(next.text)
            }
            // "this helped me understand": the post helped, not a treatment.
            if t.hasPrefix("help"), ["me", "us", "him", "her"].contains(text(k + 1)), Self.cognitiveVerbs.contains(text(k + 2)) {
                return false
            }
            return true
        }
        switch t {
        case "better":
            return Self.betterLeads.contains(text(k - 1)) && text(k + 1) != "than"
        case "again":
            for j in max(0, k - 5)..<k where sameSentence(j, k) && Self.againLeads.contains(text(j)) { return true }
            return false
        case "back":
            if ["life", "myself", "herself", "himself", "themselves"].contains(text(k - 1)) { return true }
            // "gave me my mornings back", "got her spark back"
            let giver = (max(0, k - 5)..<k).contains { ["gave", "got", "give", "gives", "giving", "getting"].contains(text($0)) }
            let owner = (max(0, k - 3)..<k).contains { ["my", "her", "his", "our", "their"].contains(text($0)) }
            return giver && owner && text(k + 1) != "to" && text(k + 1) != "from"
        case "down":
            // "my anxiety is way down", "her pain is finally down"
            let lead = ["way", "much", "so", "finally", "is", "are", "was", "'s", "really", "right", "all"].contains(text(k - 1))
            let subject = (max(0, k - 4)..<k).contains { L.conditions.contains(base($0)) || L.conditionHeads.contains(base($0)) || ["weight", "score", "scores"].contains(base($0)) }
            if lead && subject && sameClause(max(0, k - 4), k) { return true }
            if words.indices.contains(k + 2), words[k + 1].isNumber, Self.weightUnits.contains(text(k + 2)) { return true }
            return false
        case "results":
            return ["great", "amazing", "good", "incredible", "fantastic", "excellent", "real", "visible", "noticeable", "awesome", "dramatic"].contains(text(k - 1))
        case "since":
            // "I haven't had a panic attack since": the absence of a symptom since a treatment.
            guard k + 1 >= words.count || words[k + 1].breakBefore != .none || ["then", "starting", "my", "the"].contains(text(k + 1)) else { return false }
            var sawCondition = false
            for j in stride(from: k - 1, through: max(0, k - 7), by: -1) {
                if words[j + 1].breakBefore != .none && j + 1 != k { break }
                if L.conditions.contains(base(j)) || L.conditionHeads.contains(base(j)) { sawCondition = true }
                if sawCondition, ["haven't", "hasn't", "havent", "hasnt", "not", "no"].contains(text(j)) { return true }
            }
            return false
        case "away":
            return ["went", "gone", "go", "goes", "going"].contains(text(k - 1))
        case "stopped", "stop", "stops", "ended", "faded", "lessened", "decreased":
            // "the flashbacks stopped", "my panic attacks have basically stopped"
            for j in max(0, k - 4)..<k where sameClause(j, k) && (L.conditions.contains(base(j)) || L.conditionHeads.contains(base(j))) {
                return true
            }
            return false
        case "changed", "changing", "changer":
            // "changed my life", "life-changing", "game changer"
            if t == "changer" { return text(k - 1) == "game" }
            if t == "changing" { return text(k - 1) == "life" }
            return text(k + 2) == "life" || text(k + 1) == "everything"
        case "turned":
            return text(k + 1) == "around" || text(k + 2) == "around" || text(k + 3) == "around"
        case "first":
            // "for the first time in years"
            return text(k + 1) == "time" && text(k + 2) == "in"
        case "difference":
            return text(k + 1) != "between" && ["real", "huge", "big", "massive", "world", "noticeable", "such", "a", "tremendous", "enormous"].contains(text(k - 1))
        case "night":
            return text(k + 1) == "and" && text(k + 2) == "day"
        case "lost", "dropped", "shed":
            // "lost 40 lbs", "I'm down 22 pounds", "lost the weight"
            if words.indices.contains(k + 2), words[k + 1].isNumber, Self.weightUnits.contains(text(k + 2)) { return true }
            if t == "lost" || t == "shed", text(k + 1) == "weight" || text(k + 2) == "weight" { return true }
            if t == "dropped" {
                for j in max(0, k - 3)..<k where ["score", "scores", "a1c", "weight", "pressure", "phq", "gad"].contains(base(j)) { return true }
            }
            return false
        case "from":
            // "went from 22 to 6", "from severe to mild", "from 9 panic attacks a week to maybe one a month"
            guard k + 2 < words.count, let to = (k + 2..<min(words.count, k + 8)).first(where: { text($0) == "to" && sameSentence(k, $0) }) else {
                return false
            }
            if let a = Self.numberValue(text(k + 1)) {
                for j in (to + 1)..<max(to + 1, min(words.count, to + 4)) {
                    if let c = Self.numberValue(text(j)) { return c < a }
                }
                return false
            }
            return Self.goodEndpoints.contains(text(to + 1))
        case "years":
            // "took years off my face"
            return text(k + 1) == "off"
        case "can", "could":
            return ["finally", "actually", "now"].contains(text(k + 1))
        case "able":
            return text(k + 1) == "to" && ["finally", "now", "actually"].contains(text(k - 1))
        case "sleeps", "sleep", "sleeping", "slept":
            return text(k + 1) == "through" && text(k + 3) == "night"
        case "like":
            // "felt like myself", "feel like a person again"
            return text(k + 1) == "myself" || text(k + 1) == "herself" || text(k + 1) == "himself"
        case "love":
            return text(k + 1) == "how" || text(k + 2) == "results"
        case "no":
            return text(k + 1) == "more" && k + 2 < words.count && isHealth(at: k + 2)
        default:
            return false
        }
    }

    /// Negated, wished, asked or said of people in general.
    private func cueIsBlocked(at k: Int) -> Bool {
        let s = words[k].sentence
        if sentences[s].isQuestion { return true }
        let range = sentences[s].words
        let ownNegation = text(k) == "since"
        // "Nothing worked for me until TMS", "nothing helped like ketamine": praise by contrast.
        let contrast = (k + 1..<min(range.upperBound, k + 6)).contains { ["until", "till", "except", "like"].contains(text($0)) }
        if wishBefore[k] { return true }
        var j = k - 1
        var clauseSteps = 0
        while j >= range.lowerBound, clauseSteps < 4 {
            let t = text(j)
            // "could have helped", "might have worked": counterfactual.
            if (t == "could" || t == "would" || t == "might") && k - j <= 3 && text(j + 1) == "have" { return true }
            if L.negations.contains(t) && t != "without" && !ownNegation && !(t == "nothing" && contrast) { return true }
            if Self.genericPeople.contains(t) { return true }
            clauseSteps += 1
            j -= 1
        }
        var a = k + 1
        while a < min(range.upperBound, k + 4) {
            if Self.genericPeople.contains(text(a)) { return true }
            if L.negations.contains(text(a)) && a == k + 1 { return true }
            a += 1
        }
        return false
    }

    private func sentenceHasPerson(_ s: Int) -> Bool { s >= 0 && s < sentences.count && personIn[s] }

    private func sentenceHasCredit(_ s: Int) -> (credit: Bool, health: Bool) {
        s >= 0 && s < sentences.count ? creditIn[s] : (false, false)
    }

    private func computeSentenceHasPerson(_ s: Int) -> Bool {
        for k in sentences[s].words {
            let w = words[k]
            if L.personWords.contains(w.text) { return true }
            if relationStart(at: k) != nil { return true }
            if relationBefore[k], L.thirdPersonSubjects.contains(w.text) || L.thirdPersonPossessives.contains(w.text)
                || w.text == "him" || w.base == "she" || w.base == "he"
            {
                return true
            }
        }
        return false
    }

    /// A treatment, medication or the clinic that an outcome can be credited to.
    private func computeSentenceCredit(_ s: Int) -> (credit: Bool, health: Bool) {
        var credit = false
        var health = false
        for k in sentences[s].words {
            let b = base(k)
            if L.treatments.contains(b) || L.isMedication(b) { credit = true; health = true }
            if L.clinicWords.contains(b) { credit = true }
            if text(k) == "you" && (text(k + 1) == "guys" || text(k + 1) == "all") { credit = true }
            if text(k) == "y'all" { credit = true }
            if text(k) == "your" && ["team", "staff", "clinic", "nurses", "practice", "office"].contains(text(k + 1)) { credit = true }
            if text(k) == "this" && text(k + 1) == "place" { credit = true }
            if isHealth(at: k) { health = true }
        }
        return (credit, health)
    }

    /// Whether the comment credits an improvement to a treatment or the clinic, and whether that names a health term.
    func testimonial() -> (found: Bool, namesHealth: Bool) {
        for k in words.indices where !words[k].isLink && isOutcomeCue(at: k) && !cueIsBlocked(at: k) {
            let s = words[k].sentence
            guard sentenceHasPerson(s) || sentenceHasPerson(s - 1) || sentenceHasPerson(s + 1) else { continue }
            let here = sentenceHasCredit(s)
            let before = sentenceHasCredit(s - 1)
            if here.credit || before.credit {
                return (true, here.health || before.health)
            }
        }
        return (false, false)
    }
}
