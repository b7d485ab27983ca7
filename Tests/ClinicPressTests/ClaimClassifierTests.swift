import ClinicPressClaims
import Foundation
import Testing

/// Focused tables, written for these tests (no corpus lines): each category, hedges, hard negatives, site phrases,
/// and the ketamine approval trap.
@Suite struct ClaimClassifierRuleTests {
    let classifier = ClaimClassifier()

    @Test(arguments: [
        "Three-quarters of participants reported less pain after the trial.",
        "A fifth of new mothers experience postpartum depression.",
        "Roughly one new father in every ten develops depression after a birth.",
        "Ninety percent of people who finish the program keep the weight off.",
        "Nearly 40 percent of new moms report trouble sleeping six months after birth.",
        "A majority of patients in the study reached remission.",
        "About a third reached remission after eight weeks.",
        "Only 12 percent of adults with insomnia get treatment.",
        "Response rates hover around 60% for this protocol.",
        "Patients lost 8 kilograms on average.",
        "Around 3.5 million people in the U.S. live with PTSD.",
        "Sleep quality improved in 8 of 10 participants.",
        "Fewer than one in a hundred patients experience serious side effects.",
        "Depression scores fell by 40 percent over the study period.",
        "A daily 10-minute walk cuts anxiety symptoms nearly in half.",
        "Women are roughly twice as likely as men to develop PTSD.",
        "Semaglutide users keep off about two-thirds of the weight they lose.",
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
        "There is strong evidence that CBT helps with insomnia.",
        "In trials, ketamine reduced suicidal thoughts in people with depression.",
        "Psilocybin therapy produced rapid and lasting antidepressant effects in a 2021 trial.",
        "Studies continue to show that exercise protects against depression.",
        "TMS is effective for depression that hasn't responded to medication.",
        "Ketamine triggers the growth of new synapses in the prefrontal cortex.",
        "Semaglutide curbs cravings by acting on appetite centers in the brain.",
        "Fractional lasers can fade melasma, though it often returns.",
    ])
    func research(_ sentence: String) {
        #expect(classifier.classify(sentence).contains(.research), "\(sentence)")
    }

    @Test(arguments: [
        "Relief from a migraine drip often kicks in within 20 minutes.",
        "The calming effect of a single session can linger for several days.",
        "Patients usually notice smoother skin two weeks after microneedling.",
        "Most people feel the full benefit by week six.",
        "Botox typically lasts three to four months.",
        "Your mood can lift after the second or third infusion.",
        "Expect to see results from Botox in 3 to 5 days.",
        "The benefits tend to stick around for about a month.",
        "Some clients feel relief before they leave the chair.",
        "Within a few sessions, many people feel less weighed down.",
        "Most Botox patients look refreshed, not frozen, within a week.",
        "Antidepressants can take a month or two to work fully.",
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
        "No patient has ever left our clinic still in pain.",
        "You're guaranteed to lose 20 pounds in a month.",
        "Our peels are 100% safe for sensitive skin.",
        "Esketamine works on every patient.",
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
        "Patients on tirzepatide lost twice as much weight as those on placebo.",
        "IV hydration works faster than sports drinks.",
        "TMS is the most effective treatment for depression that hasn't responded to pills.",
        "Compared with placebo, esketamine cut relapse risk in half.",
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
        "It's possible that IV magnesium shortens migraine attacks.",
        "Ketamine is thought to work by boosting glutamate.",
    ])
    func hedgedClaims(_ sentence: String) {
        #expect(!classifier.classify(sentence).isEmpty, "\(sentence)")
    }

    /// Procedure numbers, prices, discounts, phone numbers, research mentions and trigger words used innocently.
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
        "Botox prices start at $11 per unit, and results are reviewed at two weeks.",
        "You can expect some redness for a day or two after microneedling.",
        // prices, discounts, phone numbers, hours, dates
        "Members receive 10 percent off every facial.",
        "Save 15% on your second infusion when you book this month.",
        "A single vial costs $450, and we bill in 30-minute increments.",
        "Call 555-0190 between 9 a.m. and 5 p.m.",
        "We're open until 9 p.m. on Fridays.",
        "The clinic opened in 2015 and moved to Elm Street in 2021.",
        "Our spa has served more than 3,000 guests since opening.",
        "Our reviews average 4.9 out of 5 stars.",
        "Nearly half of our new clients come to us through referrals.",
        // research mentions
        "Ask us about the research on ketamine during your visit.",
        "Scientists are still studying why ketamine works so quickly.",
        "Researchers are recruiting volunteers for a trial on psilocybin and anxiety.",
        "Researchers want to find out whether ketamine helps with chronic pain.",
        "Researchers are testing whether a single infusion can relieve depression within hours.",
        "The study, which begins in May, will track mood changes over 12 weeks.",
        "Scientists still don't know exactly how ketamine works.",
        "Our study room has comfortable chairs and a coffee machine.",
        "Is there research on IV vitamins for fatigue?",
        // trigger words used without a health claim
        "We only stock FDA-approved devices.",
        "Our billing team handles prior authorization for you.",
        "Our clinic is approved to accept Medicare for TMS.",
        "The FDA is the agency that approves new medications in the U.S.",
        "We guarantee a warm welcome at every visit.",
        "Our money-back guarantee covers your first session.",
        "There is no cure for PTSD, but symptoms can be managed.",
        "Some clinics advertise miracle cures, and we think you deserve better.",
        "No treatment works for everyone, and we'll be upfront about that.",
        "Our memberships work for every budget.",
        "Booking online is quicker than calling during busy hours.",
        "Treatment here feels more like a conversation than an exam.",
        "Hydration matters more than most people realize.",
        "Nothing beats a cozy blanket and a warm cup of tea during your infusion.",
        "Your safety is our first priority.",
        "Our proven team has decades of experience.",
        "Everyone deserves to feel better.",
        // definitions, empathy, calls to action
        "Botox is a purified protein that temporarily relaxes muscles.",
        "Anxiety can make your heart race and your hands shake.",
        "Depression looks different for everyone.",
        "Book a free consultation to see if TMS is right for you.",
        "If you're thinking about suicide, call or text 988 now.",
    ])
    func hardNegatives(_ sentence: String) {
        #expect(classifier.classify(sentence).isEmpty, "\(sentence) → \(classifier.classify(sentence))")
    }

    /// Typographic punctuation and abbreviations are read like their plain forms.
    @Test func typography() {
        #expect(classifier.classify("Ketamine doesn’t work for everyone.").isEmpty)
        #expect(classifier.classify("Ketamine works for everyone — even when nothing else has.") == [.absolute])
        #expect(classifier.classify("About 1 in 5 U.S. adults lives with a mental illness.") == [.statistic])
        #expect(classifier.classify("Relief arrives in 30–60 minutes.") == [.timeToEffect])
        #expect(classifier.classify("Call 555-0142 before 5 p.m.").isEmpty)
    }

    @Test func extraPhrasesMakeClaimsOnWordBoundaries() {
        let site = ClaimClassifier(extraPhrases: [
            .absolute: ["Miracle Drip"],
            .research: ["doctor recommended"],
            .statistic: ["100%"],
        ])
        #expect(site.classify("Try the miracle drip for a brighter week.") == [.absolute])
        #expect(site.classify("Our toner is Doctor-Recommended.") == [.research])
        #expect(site.classify("Our miracle dripping tap is fixed.").isEmpty)
        #expect(site.classify("Our new lounge is 100% wheelchair accessible.") == [.statistic])
        #expect(site.classify("Our new lounge is 10% bigger.").isEmpty)
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
