import ClinicPressClaims
import Foundation
import Testing

/// One labelled line of `Tests/Fixtures/ClaimCorpus/*.jsonl`.
struct LabelledSentence: Decodable {
    let id: String
    let topic: String
    let claim: Bool
    let cited: Bool
    let category: String
    let text: String
}

/// CPU time of the calling thread, in seconds (wall time on a busy machine overstates the cost).
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Loading and scoring the labelled corpora.
enum ClaimCorpus {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ClinicPressTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures/ClaimCorpus")

    static func load(_ name: String) throws -> [LabelledSentence] {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        let decoder = JSONDecoder()
        return try String(decoding: data, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map { try decoder.decode(LabelledSentence.self, from: Data($0.utf8)) }
    }

    /// The sentence as a reader sees it: footnote markers dropped, links reduced to their text, emphasis removed.
    static func plainText(_ markdown: String) -> String {
        var out = ""
        var rest = Substring(markdown)
        while let c = rest.first {
            if rest.hasPrefix("[^"), let close = rest.firstIndex(of: "]") {
                rest = rest[rest.index(after: close)...]
            } else if c == "[", let close = rest.firstIndex(of: "]"), rest[close...].dropFirst().first == "(",
                let end = rest[close...].firstIndex(of: ")")
            {
                out += rest[rest.index(after: rest.startIndex)..<close]
                rest = rest[rest.index(after: end)...]
            } else {
                if c != "*" && c != "_" { out.append(c) }
                rest = rest.dropFirst()
            }
        }
        return out
    }

    struct Score {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0
        var errors: [String] = []
        /// Claims found, but without their labelled category among the categories (diagnostics only).
        var categoryMisses: [String] = []
        var precision: Double { Double(truePositives) / Double(max(truePositives + falsePositives, 1)) }
        var recall: Double { Double(truePositives) / Double(max(truePositives + falseNegatives, 1)) }
    }

    static func score(_ sentences: [LabelledSentence], with classifier: ClaimClassifier = ClaimClassifier()) -> Score {
        var score = Score()
        for sentence in sentences {
            let categories = classifier.classify(plainText(sentence.text))
            let flagged = !categories.isEmpty
            switch (flagged, sentence.claim) {
            case (true, true):
                score.truePositives += 1
                if !categories.map(\.rawValue).contains(sentence.category) {
                    score.categoryMisses.append("\(sentence.id) [\(sentence.category) → \(categories.map(\.rawValue).joined(separator: ","))] \(sentence.text)")
                }
            case (false, false): score.trueNegatives += 1
            case (true, false):
                score.falsePositives += 1
                score.errors.append("FP \(sentence.id) [\(sentence.category) → \(categories.map(\.rawValue).joined(separator: ","))] \(sentence.text)")
            case (false, true):
                score.falseNegatives += 1
                score.errors.append("FN \(sentence.id) [\(sentence.category)] \(sentence.text)")
            }
        }
        return score
    }
}

@Suite struct ClaimClassifierTests {
    let classifier = ClaimClassifier()

    // MARK: - Corpora

    /// The development corpus: precision and recall of "is a claim", with every error listed for tuning.
    @Test func corpus() throws {
        let score = ClaimCorpus.score(try ClaimCorpus.load("corpus.jsonl"))
        for error in score.errors { print(error) }
        for miss in score.categoryMisses { print("category \(miss)") }
        print("corpus.jsonl precision \(score.precision) recall \(score.recall) (TP \(score.truePositives) FP \(score.falsePositives) FN \(score.falseNegatives) TN \(score.trueNegatives))")
        #expect(score.precision >= 0.90)
        #expect(score.recall >= 0.90)
    }

    /// Speed: every corpus and holdout sentence classified 100 times (run with `-c release` for a meaningful number).
    @Test func speed() throws {
        let sentences = try (ClaimCorpus.load("corpus.jsonl") + ClaimCorpus.load("holdout.jsonl")).map { ClaimCorpus.plainText($0.text) }
        let words = sentences.reduce(0) { $0 + $1.split(separator: " ").count }
        let repetitions = Int(ProcessInfo.processInfo.environment["CLAIM_SPEED_REPETITIONS"] ?? "") ?? 100
        let clock = ContinuousClock()
        var flagged = 0
        let cpuStart = threadCPUSeconds()
        let elapsed = clock.measure {
            for _ in 0..<repetitions {
                for sentence in sentences where !classifier.classify(sentence).isEmpty { flagged += 1 }
            }
        }
        let cpu = threadCPUSeconds() - cpuStart
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let total = Double(words * repetitions)
        print("speed: \(sentences.count) sentences × \(repetitions) (\(words * repetitions) words) in \(seconds) s wall, \(cpu) s CPU — \(total / cpu / 1e6) M words per CPU second, \(flagged) flagged")
        #expect(flagged > 0)
    }

    /// The generalisation set. Only the aggregate is printed: its sentences must not steer the rules.
    @Test func holdout() throws {
        let score = ClaimCorpus.score(try ClaimCorpus.load("holdout.jsonl"))
        print("holdout.jsonl precision \(score.precision) recall \(score.recall) (TP \(score.truePositives) FP \(score.falsePositives) FN \(score.falseNegatives) TN \(score.trueNegatives))")
        #expect(score.precision >= 0.90)
        #expect(score.recall >= 0.90)
    }
}

/// Focused tables, written for these tests (no corpus lines): each category, hedges, hard negatives, site phrases,
/// and the ketamine approval trap.
@Suite struct ClaimClassifierRuleTests {
    let classifier = ClaimClassifier()

    @Test(arguments: [
        "Three-quarters of participants reported less pain after the trial.",
        "A fifth of new mothers experience postpartum depression.",
        "Roughly one new father in every ten develops depression after a birth.",
        "Ninety percent of people who finish the program keep the weight off.",
        "A majority of patients in the study reached remission.",
        "Only 12 percent of adults with insomnia get treatment.",
        "Response rates hover around 60% for this protocol.",
        "Patients lost 8 kilograms on average.",
        "Around 3.5 million people in the U.S. live with PTSD.",
        "Two in three veterans with chronic pain also report poor sleep.",
        "Depression scores fell by 40 percent over the study period.",
        "Eight of every ten clients rate their mood as improved.",
        "About a third of people with migraines respond to magnesium.",
        "An estimated 264 million people worldwide live with depression.",
        "A 0.5 mg/kg dose relieves suicidal thoughts in most patients.",
    ])
    func statistic(_ sentence: String) {
        #expect(classifier.classify(sentence).contains(.statistic), "\(sentence)")
    }

    @Test(arguments: [
        "The literature points to a strong link between sleep and mood.",
        "Published work backs up the use of light therapy for winter depression.",
        "Investigators reported fewer migraines in the magnesium group.",
        "Science tells us that movement lifts mood.",
        "Brain imaging work has revealed changes in the hippocampus after treatment.",
        "A 2019 meta-analysis concluded that acupuncture eases chronic pain.",
        "It is well established that smoking worsens depression.",
        "Omega-3 supplements have been shown to ease depressive symptoms.",
        "Semaglutide is clinically proven to reduce body weight.",
        "Data from thousands of patients indicate that TMS is well tolerated.",
        "Ketamine triggers the growth of new synapses in the prefrontal cortex.",
        "Magnesium calms the nervous system and relaxes tight muscles.",
        "Several studies have linked vitamin D deficiency to depression.",
        "Early findings hint that psilocybin may help with anorexia.",
        "Studies continue to show that exercise protects against depression.",
        "TMS is effective for depression that hasn't responded to medication.",
    ])
    func research(_ sentence: String) {
        #expect(classifier.classify(sentence).contains(.research), "\(sentence)")
    }

    @Test(arguments: [
        "Relief from a migraine drip often kicks in within 20 minutes.",
        "The calming effect of a single session can linger for several days.",
        "Patients usually notice smoother skin two weeks after microneedling.",
        "Most people feel the full benefit by week six.",
        "Hot flashes usually ease within a few days of starting therapy.",
        "Results from a HydraFacial last about a week.",
        "Your mood can lift after the second or third infusion.",
        "Expect to see results from Botox in 3 to 5 days.",
        "The benefits tend to stick around for about a month.",
        "Some clients feel relief before they leave the chair.",
        "You'll feel more relaxed within minutes.",
    ])
    func timeToEffect(_ sentence: String) {
        #expect(classifier.classify(sentence).contains(.timeToEffect), "\(sentence)")
    }

    @Test(arguments: [
        "Federal regulators gave the device the green light in 2021.",
        "The FDA signed off on the first nasal spray for postpartum depression.",
        "Zuranolone carries an FDA indication for postpartum depression.",
        "This laser holds FDA clearance for treating toenail fungus.",
        "The agency turned the application down over safety concerns.",
        "Our compounded drips do not have the FDA's blessing.",
        "Semaglutide is approved for weight management in teens.",
        "The FDA has warned consumers about unapproved ketamine products sold online.",
        "IV ketamine is FDA-approved for depression.",
        "Ketamine is not FDA-approved for depression.",
    ])
    func regulatory(_ sentence: String) {
        #expect(classifier.classify(sentence).first == .regulatory, "\(sentence)")
    }

    @Test(arguments: [
        "This treatment never fails to lift a low mood.",
        "Our program frees you from anxiety once and for all.",
        "One round of injections gives you lifelong relief.",
        "IV ozone is completely harmless.",
        "Laser hair removal is totally painless.",
        "Our detox protocol clears out toxins with zero risk.",
        "Everyone who completes our program feels better.",
        "Ketamine therapy will end your depression for good.",
        "Hair removed with our laser never grows back.",
        "No patient has ever left our clinic still in pain.",
        "You're guaranteed to lose 20 pounds in a month.",
        "Our peels are 100% safe for sensitive skin.",
    ])
    func absolute(_ sentence: String) {
        #expect(classifier.classify(sentence).contains(.absolute), "\(sentence)")
    }

    @Test(arguments: [
        "Sertraline beats placebo for panic disorder.",
        "For frown lines, Daxxify edges out Botox in duration.",
        "Online CBT is on par with face-to-face therapy.",
        "No pill on the market comes close to the speed of ketamine.",
        "Esketamine leaves older antidepressants in the dust.",
        "Microneedling produces stronger collagen growth than lasers.",
        "Acupuncture worked about as well as medication in the trial.",
        "TMS is superior to a fourth antidepressant for treatment-resistant depression.",
        "Patients on tirzepatide lost twice as much weight as those on placebo.",
        "IV hydration works faster than sports drinks.",
    ])
    func comparative(_ sentence: String) {
        #expect(classifier.classify(sentence).contains(.comparative), "\(sentence)")
    }

    /// Hedges never exempt a claim.
    @Test(arguments: [
        "Ketamine may ease depression within a few hours.",
        "Early research suggests NAD+ might slow some signs of aging.",
        "Preliminary data could indicate a benefit for chronic fatigue.",
        "Up to 30% of patients might see their symptoms return.",
        "Microneedling could work better than chemical peels for acne scars.",
        "Promising pilot studies show that stellate ganglion block may calm hyperarousal.",
        "Red-light therapy appears to boost collagen in aging skin.",
    ])
    func hedgedClaims(_ sentence: String) {
        #expect(!classifier.classify(sentence).isEmpty, "\(sentence)")
    }

    /// Procedure numbers, prices, discounts, phone numbers, research mentions and hard trigger words.
    @Test(arguments: [
        // procedure durations, schedules and numbers
        "Each facial takes about an hour, including a short massage.",
        "Please arrive 15 minutes early to complete your paperwork.",
        "Lab results are usually ready within three business days.",
        "Your blood pressure is checked every 10 minutes during the drip.",
        "The first consultation lasts around 45 minutes.",
        "You'll need someone to drive you home after your first two sessions.",
        "We see about 40 patients a week across both locations.",
        "Injections are given once a week, and doses go up every four weeks.",
        // prices, discounts, phone numbers, hours, dates
        "Members receive 10 percent off every facial.",
        "Save 15% on your second infusion when you book this month.",
        "A single vial costs $450, and we bill in 30-minute increments.",
        "Call 555-0190 between 9 a.m. and 5 p.m.",
        "We're open until 9 p.m. on Fridays.",
        "The clinic opened in 2015 and moved to Elm Street in 2021.",
        "Our spa has served more than 3,000 guests since opening.",
        "Our reviews average 4.9 out of 5 stars.",
        "Two of our therapists speak Spanish.",
        // research mentions
        "Ask us about the research on ketamine during your visit.",
        "Scientists are still studying why ketamine works so quickly.",
        "Researchers are recruiting volunteers for a trial on psilocybin and anxiety.",
        "We'll share the latest studies in next month's newsletter.",
        "Researchers want to find out whether ketamine helps with chronic pain.",
        "Studies on this question are still underway.",
        "Our study room has comfortable chairs and a coffee machine.",
        "Is there research on IV vitamins for fatigue?",
        // trigger words used without a health claim
        "We only stock FDA-approved devices.",
        "Our billing team handles prior authorization for you.",
        "Our nurses follow FDA guidelines for storing medications.",
        "We guarantee a warm welcome at every visit.",
        "Our money-back guarantee covers your first session.",
        "There is no cure for PTSD, but symptoms can be managed.",
        "No treatment works for everyone, and we'll be upfront about that.",
        "Booking online is quicker than calling during busy hours.",
        "Our new lounge is bigger than the old one.",
        "Treatment here feels more like a conversation than an exam.",
        "Your safety is our first priority.",
        "Our proven team has decades of experience.",
        // general statements, empathy, calls to action
        "Anxiety can make your heart race and your hands shake.",
        "Stress can affect your sleep, appetite and mood.",
        "Depression looks different for everyone.",
        "Book a free consultation to see if TMS is right for you.",
        "If you're thinking about suicide, call or text 988 now.",
    ])
    func hardNegatives(_ sentence: String) {
        #expect(classifier.classify(sentence).isEmpty, "\(sentence) → \(classifier.classify(sentence))")
    }

    @Test func extraPhrasesMakeClaimsOnWordBoundaries() {
        let site = ClaimClassifier(extraPhrases: [
            .absolute: ["Miracle Drip"],
            .research: ["doctor recommended"],
        ])
        #expect(site.classify("Try the miracle drip for a brighter week.") == [.absolute])
        #expect(site.classify("Our toner is Doctor-Recommended.") == [.research])
        #expect(site.classify("Our miracle dripping tap is fixed.").isEmpty)
        #expect(ClaimClassifier().classify("Try the miracle drip for a brighter week.").isEmpty)
    }

    @Test func categoriesComeInPrecedenceOrder() {
        let categories = classifier.classify("Studies show ketamine is FDA-approved and works faster than SSRIs for 7 in 10 patients.")
        #expect(categories == categories.sorted())
        #expect(categories.first == .regulatory)
        #expect(categories.contains(.comparative) && categories.contains(.statistic) && categories.contains(.research))
    }

    @Test(arguments: [
        ("IV ketamine is FDA-approved for depression.", true),
        ("The FDA approved ketamine for treatment-resistant depression in 2019.", true),
        ("Ketamine is now cleared by the FDA as an antidepressant.", true),
        ("Esketamine (Spravato) is FDA-approved for treatment-resistant depression.", false),
        ("Ketamine is not FDA-approved for depression.", false),
        ("Ketamine isn't approved by the FDA for depression, but esketamine is.", false),
        ("Ketamine is FDA-approved as an anesthetic.", false),
        ("Ketamine has been FDA-approved as an anesthetic since 1970, but its use for depression is off-label.", false),
        ("Is ketamine FDA-approved for depression?", false),
        ("The FDA approved Spravato, a nasal spray made from ketamine, for depression.", false),
    ])
    func ketamineApprovalTrap(_ sentence: String, _ expected: Bool) {
        #expect(classifier.callsKetamineFDAApprovedForDepression(sentence) == expected, "\(sentence)")
    }
}
