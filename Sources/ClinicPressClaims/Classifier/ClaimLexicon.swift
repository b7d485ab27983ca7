/// The word classes the claim rules combine. A word may belong to several ("relief" is an outcome and an effect).
struct WordClass: OptionSet, Sendable, Hashable {
    let rawValue: UInt64

    /// People counted in a statistic: patients, adults, women, veterans, participants…
    static let population = WordClass(rawValue: 1 << 0)
    /// Verbs of a health change: improve, relieve, reduce, drop, lose, recover…
    static let outcomeVerb = WordClass(rawValue: 1 << 1)
    /// Nouns of a health outcome: remission, symptoms, relief, scores, weight, mood…
    static let outcomeNoun = WordClass(rawValue: 1 << 2)
    /// Health conditions: depression, anxiety, PTSD, obesity, migraine, acne…
    static let condition = WordClass(rawValue: 1 << 3)
    /// Sources of evidence: study, trial, research, evidence, data, scientists, literature…
    static let researchSubject = WordClass(rawValue: 1 << 4)
    /// Modifiers that turn a plain noun into research: published, clinical, imaging…
    static let researchModifier = WordClass(rawValue: 1 << 5)
    /// Verbs that report a result: show, find, suggest, reveal, confirm, demonstrate…
    static let reportVerb = WordClass(rawValue: 1 << 6)
    /// Units of time: minutes, hours, days, weeks, months, years…
    static let timeUnit = WordClass(rawValue: 1 << 7)
    /// Units of a treatment course: session, infusion, dose, treatment, round…
    static let courseUnit = WordClass(rawValue: 1 << 8)
    /// Number words: one … ninety, hundred, million.
    static let cardinal = WordClass(rawValue: 1 << 9)
    /// Proportions: half, third, quarter, fifth, majority.
    static let fraction = WordClass(rawValue: 1 << 10)
    /// Ordinals: first, second, third, last…
    static let ordinal = WordClass(rawValue: 1 << 11)
    /// Negation: not, no, never, n't…
    static let negation = WordClass(rawValue: 1 << 12)
    /// Regulators: FDA, regulators, EMA…
    static let regulator = WordClass(rawValue: 1 << 13)
    /// Words of regulatory approval: approved, cleared, approval, clearance, indication, blessing…
    static let approval = WordClass(rawValue: 1 << 14)
    /// Other things a regulator does: declined, rejected, banned, warned, granted…
    static let regulatorVerb = WordClass(rawValue: 1 << 15)
    /// cure, cures, curable…
    static let cure = WordClass(rawValue: 1 << 16)
    /// guarantee, guaranteed…
    static let guarantee = WordClass(rawValue: 1 << 17)
    /// permanent, forever, lifelong…
    static let permanence = WordClass(rawValue: 1 << 18)
    /// safe, harmless, painless…
    static let safety = WordClass(rawValue: 1 << 19)
    /// completely, totally, perfectly, absolutely…
    static let intensifier = WordClass(rawValue: 1 << 20)
    /// everyone, every, all, anyone…
    static let universal = WordClass(rawValue: 1 << 21)
    /// nobody, nothing, none…
    static let negativeUniversal = WordClass(rawValue: 1 << 22)
    /// Comparative forms: better, faster, longer, more, fewer…
    static let comparative = WordClass(rawValue: 1 << 23)
    /// Verbs of comparison: outperform, beat, match, rival, surpass…
    static let compareVerb = WordClass(rawValue: 1 << 24)
    /// Efficacy adjectives and adverbs used in "as … as": effective, well, good, fast…
    static let efficacy = WordClass(rawValue: 1 << 25)
    /// What a treatment produces: effect, benefit, results, relief, boost, difference…
    static let effectNoun = WordClass(rawValue: 1 << 26)
    /// last, lasting, persist…
    static let lastVerb = WordClass(rawValue: 1 << 27)
    /// Verbs of noticing a change: feel, notice, see, report, sleep…
    static let perceiveVerb = WordClass(rawValue: 1 << 28)
    /// work, kick (in), act…
    static let workVerb = WordClass(rawValue: 1 << 29)
    /// States after an improvement: better, calmer, lighter, sharper, energized…
    static let improvedState = WordClass(rawValue: 1 << 30)
    /// Treatments: therapy, medication, drug, pill, infusion, placebo, supplement…
    static let treatment = WordClass(rawValue: 1 << 31)
    /// Money and deals: price, cost, fee, discount, save, refund, insurance…
    static let priceCue = WordClass(rawValue: 1 << 32)
    /// Ratings and awards: stars, reviews (of us), voted…
    static let marketingCue = WordClass(rawValue: 1 << 33)
    /// Words that put research in the future or in progress: will, planned, ongoing, whether…
    static let pending = WordClass(rawValue: 1 << 34)
    /// Verbs that open a call to action or an instruction: book, call, ask, bring, avoid…
    static let imperative = WordClass(rawValue: 1 << 35)
    /// Verbs of a biological mechanism: rebuild, repair, activate, stimulate, boost, block…
    static let mechanismVerb = WordClass(rawValue: 1 << 36)
    /// Parts of the body and its chemistry: brain, cells, circuits, receptors, collagen, DNA…
    static let bioNoun = WordClass(rawValue: 1 << 37)
    /// we, our, us…
    static let firstPerson = WordClass(rawValue: 1 << 38)
    /// you, your, you'll…
    static let secondPerson = WordClass(rawValue: 1 << 39)
    /// The clinic's staff: nurses, therapists, clinicians, team…
    static let staff = WordClass(rawValue: 1 << 40)
    /// may, might, could, can…
    static let modal = WordClass(rawValue: 1 << 41)
    /// Verbs of having a condition: affect, have, live (with), suffer, experience…
    static let prevalenceVerb = WordClass(rawValue: 1 << 42)
    /// Conjunctions that start a new clause: while, but, although, whereas…
    static let clauseBreak = WordClass(rawValue: 1 << 43)
    /// Measurement units of an outcome: pounds, kilograms, points…
    static let measureUnit = WordClass(rawValue: 1 << 44)
    /// The clinic's own occasions: session, appointment, visit, evaluation, check-in…
    static let occasion = WordClass(rawValue: 1 << 45)
    /// the, a, an, our, your, this…
    static let determiner = WordClass(rawValue: 1 << 46)
    /// is, are, was, were, be, been…
    static let be = WordClass(rawValue: 1 << 47)
    /// has, have, had.
    static let have = WordClass(rawValue: 1 << 48)
    /// Words that make a multiplier: twice, double, triple, times.
    static let multiplier = WordClass(rawValue: 1 << 49)
    /// Pronouns that can start a clause: it, they, you, we, he, she.
    static let pronoun = WordClass(rawValue: 1 << 50)
    /// Immediacy: immediately, instantly, overnight…
    static let immediacy = WordClass(rawValue: 1 << 51)
    /// Adverbs that strengthen an evidential participle: clinically, scientifically, consistently…
    static let evidentialAdverb = WordClass(rawValue: 1 << 52)
    /// Verbs of the clinic's handling: reviewed, scheduled, processed, billed…
    static let handlingVerb = WordClass(rawValue: 1 << 54)
    /// Dose units: mg, mcg, IU, mL, units.
    static let doseUnit = WordClass(rawValue: 1 << 53)
}

/// The lexicon: every known word's classes, keyword and number value, in an open-addressing table keyed by the
/// spelling hash, built once. A lookup is one multiply-and-mask and usually one comparison.
enum ClaimLexicon {
    struct Entry: Sendable {
        var classes: WordClass = []
        var key: Keyword = .unlisted
        var value: Double = 0
    }

    /// Fills in a word token's classes, keyword and value; "percent" becomes a percent sign and a possessive
    /// ("FDA's") reads as its noun.
    static func annotate(_ token: inout ClaimToken, _ word: UnsafeBufferPointer<UInt8>, in table: Table) {
        var entry = table.lookup(token.hash)
        let n = word.count
        if entry == nil, n > 2, word[n - 2] == 0x27, word[n - 1] == 0x73 {
            let stem = UnsafeBufferPointer(rebasing: word[0..<n - 2])
            token.hash = SpellingHash.of(stem)
            token.flags = token.flags.intersection(.joined).union(ClaimTokenizer.suffixFlags(stem))
            entry = table.lookup(token.hash)
        }
        guard let entry else { return }
        token.classes = entry.classes
        token.key = entry.key
        token.value = entry.value
        if entry.key == .percent { token.kind = .percent }
        if entry.classes.contains(.ordinal) { token.flags.insert(.ordinal) }
    }

    /// The value of a number word; vague counts ("dozens") get a large value so they never read as a small "N".
    static func numberValue(_ word: Substring) -> Double {
        switch word {
        case "one": 1
        case "two": 2
        case "three": 3
        case "four": 4
        case "five": 5
        case "six": 6
        case "seven": 7
        case "eight": 8
        case "nine": 9
        case "ten": 10
        case "eleven": 11
        case "twelve", "dozen": 12
        case "thirteen": 13
        case "fourteen": 14
        case "fifteen": 15
        case "sixteen": 16
        case "seventeen": 17
        case "eighteen": 18
        case "nineteen": 19
        case "twenty": 20
        case "thirty": 30
        case "forty": 40
        case "fifty": 50
        case "sixty": 60
        case "seventy": 70
        case "eighty": 80
        case "ninety": 90
        case "hundred": 100
        case "thousand": 1_000
        case "million": 1_000_000
        case "billion": 1_000_000_000
        case "half", "halves": 0.5
        case "third", "thirds": 1.0 / 3
        case "quarter", "quarters": 0.25
        case "fifth", "fifths": 0.2
        case "tenth", "tenths": 0.1
        default: 1_000
        }
    }

    /// An open-addressing hash table from spelling hash to entry. Its storage is allocated once, for the life of the
    /// process, and never changes after the lexicon is built — so lookups read it without reference counting.
    struct Table: @unchecked Sendable {
        let hashes: UnsafeMutablePointer<UInt64>
        let entries: UnsafeMutablePointer<Entry>
        let mask: Int

        init(capacity: Int) {
            var size = 1
            while size < capacity * 2 { size <<= 1 }
            hashes = .allocate(capacity: size)
            hashes.initialize(repeating: 0, count: size)
            entries = .allocate(capacity: size)
            entries.initialize(repeating: Entry(), count: size)
            mask = size - 1
        }

        @inline(__always) func slot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask }

        @inline(__always) func lookup(_ hash: UInt64) -> Entry? {
            var i = slot(hash)
            while true {
                let h = hashes[i]
                if h == hash { return entries[i] }
                if h == 0 { return nil }
                i = (i + 1) & mask
            }
        }

        func update(_ hash: UInt64, _ change: (inout Entry) -> Void) {
            var i = slot(hash)
            while hashes[i] != 0 && hashes[i] != hash { i = (i + 1) & mask }
            hashes[i] = hash
            change(&entries[i])
        }
    }

    static let table: Table = {
        var words = 0
        for (_, list) in entries { words += list.split(separator: " ").count }
        let table = Table(capacity: words + Keyword.allCases.count)
        for (classes, list) in entries {
            for word in list.split(separator: " ") {
                table.update(SpellingHash.of(String(word))) { entry in
                    entry.classes.formUnion(classes)
                    if classes.contains(.cardinal) || classes.contains(.fraction) { entry.value = numberValue(word) }
                }
            }
        }
        for key in Keyword.allCases where key != .unlisted && key.rawValue.utf8.count > 0 {
            table.update(SpellingHash.of(key.rawValue)) { $0.key = key }
        }
        return table
    }()

    /// Word lists per class, as space-separated forms (inflections are listed, not guessed).
    static let entries: [(WordClass, String)] = [
        (.population, """
            patients patient people person persons adults adult clients client women woman men man participants \
            participant americans veterans veteran members member children child kids teens teenagers adolescents \
            mothers mother moms subjects users individuals individual seniors smokers volunteers guests guest \
            respondents sufferers survivors recipients responders folks parents students youths mice rats americans \
            canadians workers athletes dieters drinkers infants babies boys girls newborns elders employees soldiers \
            pregnancies births cases
            """),
        (.outcomeVerb, """
            improve improves improved improving respond responds responded recover recovers recovered recovering \
            relieve relieves relieved relieving ease eases eased easing reduce reduces reduced reducing lower lowers \
            lowered lowering drop drops dropped dropping decline declines fall falls fell rise rises rose raise \
            raises raised raising lift lifts lifted heal heals healed healing lose loses lost losing gain gains \
            gained fade fades faded fading subside subsides subsided resolve resolves disappear disappears \
            disappeared vanish vanishes prevent prevents prevented cut cuts boost boosts boosted restore restores \
            restored calm calms calmed quiet quiets quieted slow slows slowed shrink shrinks smooth smooths smoothed \
            tighten tightens brighten brightens clears cleared remit remits relapse relapses relapsed worsen worsens \
            worsened increase increases increased decrease decreases decreased normalize normalizes reverse reverses \
            reversed rebuild rebuilds repair repairs regrow regrows extend extends extended rehydrate rehydrates \
            rehydrated replenish replenishes alleviate alleviates alleviated soothe soothes shed sheds lessen \
            lessens diminish diminishes halve halves halved double doubles doubled triple shorten shortens shortened \
            soften softens softened stop stops stopped cease ceases climb climbs climbed soar soars jump jumps surge \
            surges wipe wipes wiped return returns returned recur recurs sharpen sharpens strengthen strengthens \
            regain regains regained dissolve dissolves dissolved erase erases erased eliminate eliminates eliminated \
            banish banishes melt melts
            """),
        (.outcomeNoun, """
            remission remissions response responses relief symptoms symptom improvement improvements recovery \
            relapse relapses scores score weight pain mood energy sleep levels level risk hunger appetite lines \
            wrinkles scars collagen attacks flashbacks nightmares cravings function complexion fat outcomes quality \
            survival mortality deaths suicides thinking thoughts focus memory stamina inflammation readings pressure \
            sugar cholesterol bmi spots redness swelling hydration rehydration glow hair
            """),
        (.condition, """
            depression depressive depressed anxiety anxious ptsd ocd obesity overweight acne migraine migraines \
            insomnia pain disorder disorders disease diseases illness illnesses dehydration dehydrated hangover \
            hangovers fatigue stress tinnitus apnea addiction withdrawal suicidal panic phobia phobias bipolar adhd \
            diabetes cancer covid deficiency deficient schizophrenia psychosis dementia headaches headache \
            hyperarousal arthritis eczema rosacea hypertension aging burnout grief trauma traumatic irritation \
            bruising scarring nausea dizziness rumination worry worries irritability restlessness melasma cellulite \
            sagging puffiness fog flashes
            """),
        (.researchSubject, """
            study studies research trial trials evidence data scientists scientist researchers researcher review \
            reviews analysis analyses literature science investigators investigator experiments experiment findings \
            survey surveys registry scans imaging experts results signs
            """),
        (.researchModifier, "published clinical scientific imaging laboratory lab animal recent peer reviewed"),
        (.reportVerb, """
            show shows showed shown showing find finds found suggest suggests suggested suggesting reveal reveals \
            revealed revealing confirm confirms confirmed confirming demonstrate demonstrates demonstrated \
            demonstrating indicate indicates indicated indicating prove proves proved proven link links linked \
            associate associates associated reported support supports supported document documents documented \
            establish establishes established conclude concludes concluded observe observes observed noted agree \
            agree agrees tie ties tied connect connects connected hint hints hinted uncover uncovers uncovered \
            discover discovers discovered identify identifies identified point points pointed back backs backed tell \
            tells told teach teaches taught say says known know knows thought believed favor favors favored favour \
            favours
            """),
        (.timeUnit, """
            second seconds minute minutes hour hours day days week weeks month months year years decade decades \
            night nights morning mornings evening weekend weekends lifetime fortnight hrs mins
            """),
        (.courseUnit, """
            session sessions infusion infusions treatment treatments dose doses injection injections drip drips \
            round rounds visit visits course courses shot shots application applications cycle cycles appointment \
            appointments series
            """),
        (.cardinal, """
            one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen \
            seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand \
            million billion dozen dozens hundreds thousands millions
            """),
        (.fraction, "half halves third thirds quarter quarters fifth fifths tenth tenths majority minority"),
        (.ordinal, """
            first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth last final
            """),
        (.negation, """
            not no never none nothing nobody neither nor without cannot can't don't doesn't didn't isn't aren't \
            wasn't weren't haven't hasn't hadn't won't wouldn't shouldn't couldn't
            """),
        (.regulator, "fda regulators regulator agency ema mhra"),
        (.approval, """
            approved approve approves approving approval approvals unapproved indicated cleared clearance clearances \
            authorized authorised authorizes authorization authorisation indication indications blessing okayed nod
            """),
        (.regulatorVerb, """
            declined declines rejected rejects denied refused refuses turned banned bans warned warns ruled granted \
            grants gave gives signed issued ordered recalled withdrew pulled took position regulate regulates \
            regulated oversee oversees classify classifies classified allow allows allowed permit permits require \
            rule rules requires required considers considered lists listed recognizes recognized reviewed evaluated \
            inspected vetted tested
            """),
        (.cure, "cure cures cured curing curable cureall"),
        (.guarantee, "guarantee guarantees guaranteed"),
        (.permanence, "permanent permanently forever lifelong irreversible foolproof failproof infallible"),
        (.safety, "safe harmless painless"),
        (.intensifier, "completely totally perfectly entirely absolutely utterly always"),
        (.universal, "everyone everybody anyone anybody every all whoever"),
        (.negativeUniversal, "nobody nothing none"),
        (.comparative, """
            better faster quicker longer greater fewer less more higher lower stronger safer sooner larger bigger \
            wider deeper further farther smoother clearer gentler easier kinder smaller milder worse slower superior \
            inferior earlier
            """),
        (.compareVerb, """
            outperform outperforms outperformed outperforming beat beats beating matched matches match rival rivals \
            rivaled surpass surpasses surpassed trumps trumped edges edged outdoes outdid outshines outpaces \
            outpaced outpace outstrip outstrips outstripped trounces trounced eclipses eclipsed outclasses
            """),
        (.efficacy, """
            effective efficacious well good powerful fast quick quickly strong potent helpful beneficial successful \
            safe
            """),
        (.effectNoun, """
            effect effects benefit benefits result results relief improvement improvements boost difference shift \
            change changes response gains impact reduction reductions
            """),
        (.lastVerb, "last lasts lasting lasted persist persists persisted endure endures stick sticks"),
        (.perceiveVerb, """
            feel feels felt feeling notice notices noticed noticeable notices see sees saw seeing report reports \
            experience experiences sleep sleeps sleeping slept
            """),
        (.workVerb, "work works working worked kick kicks act acts"),
        (.improvedState, """
            better calmer lighter sharper clearer happier easier energized energised rested brighter smoother \
            younger healthier refreshed steadier slimmer firmer fresher stronger
            """),
        (.treatment, """
            therapy therapies treatment treatments medication medications medicine medicines drug drugs pill pills \
            antidepressant antidepressants ssri ssris infusion infusions drip drips injection injections spray \
            supplement supplements placebo sham device devices cream creams facial program programs procedure \
            procedures approach protocol exercise counseling psychotherapy cbt ect vitamins vitamin tablets capsules \
            surgery diet dieting magnesium zinc iron calcium potassium omega nutrients minerals electrolytes
            """),
        (.priceCue, """
            price prices priced pricing cost costs fee fees discount discounts discounted save saves savings refund \
            refunds copay copays copayment membership memberships package packages rebate coupon credits credit \
            deposit insurance financing charge charges medicare medicaid tricare insurer insurers
            """),
        (.marketingCue, "stars rating ratings rated voted award awards followers"),
        (.pending, """
            will would planned planning plan plans hope hopes aim aims seeking recruiting underway ongoing upcoming \
            future whether if want wants wanted deserve deserves try trying tries seek seeks intend intends designed
            """),
        (.imperative, """
            ask call book text schedule reserve subscribe follow share fill download start take try request reach \
            send join contact visit email sign register bring remove avoid please check learn read discover treat \
            kick step enjoy don't let talk come stop give explore browse click tap message grab claim refer pick \
            arrange drink eat wear plan make
            """),
        (.mechanismVerb, """
            rebuild rebuilds repair repairs regrow regrows restore restores strengthen strengthens wake wakes \
            activate activates stimulate stimulates boost boosts block blocks reset resets rewire rewires trigger \
            triggers regulate regulates calm calms quiet quiets act acts protect protects increase increases raise \
            raises lower lowers reduce reduces improve improves relieve relieves ease eases heal heals reverse \
            reverses extend extends flush flushes detox detoxes promote promotes enhance enhances balance balances \
            replenish replenishes fuel fuels energize energizes slow slows support supports rehydrate rehydrates \
            shrink shrinks tighten tightens smooth smooths target targets modulate modulates prevent prevents \
            sharpen sharpens dissolve dissolves erase erases eliminate eliminates banish banishes mimic mimics help \
            helps aid aids encourage encourages enable enables nudge nudges flood floods soothe soothes kill kills \
            destroy destroys attack attacks fight fights shorten shortens soften softens spark sparks spur spurs \
            grow grows regenerate regenerates form forms relax relaxes release releases reshape reshapes signal \
            signals bind binds rewire remodel remodels produce produces build builds nourish nourishes hydrate \
            hydrates plump plumps attract attracts stimulated activated blocked triggered boosted rebuilt repaired \
            restored strengthened changes alter alters lifts lift eased reduced lowered raised increased improved
            """),
        (.bioNoun, """
            brain brains cell cells neuron neurons connection connections synapse synapses circuit circuits receptor \
            receptors glutamate serotonin dopamine collagen dna mitochondria immune hormone hormones metabolism \
            nervous amygdala cortex hippocampus blood skin pathway pathways gut liver cortisol insulin nerve nerves \
            muscle muscles tissue tissues body stomach inflammation neuroplasticity plasticity bdnf gaba chemistry \
            neurotransmitters heart lungs kidneys bones joints endorphins nmda neural networks network fibers \
            elastin follicles glands gland thyroid enzymes enzyme proteins protein genes gene
            """),
        (.firstPerson, "we our us we're we've we'll we'd i i'm my ours ourselves"),
        (.secondPerson, "you your you'll you're you've you'd yours yourself"),
        (.staff, """
            nurse nurses therapist therapists clinician clinicians team doctor doctors provider providers injector \
            injectors coordinator coordinators staff psychiatrist psychiatrists practitioner practitioners \
            technician technicians coach coaches director specialist specialists physician physicians clinic
            """),
        (.modal, "may might could can should must will would"),
        (.prevalenceVerb, """
            affect affects affected have has had live lives living deal deals dealing suffer suffers suffering \
            experience experiences struggle struggles develop develops die dies battle battles
            """),
        (.clauseBreak, "while but although whereas though however"),
        (.measureUnit, "pounds pound lbs lb kg kilograms kilos points inches stone"),
        (.doseUnit, "mg mcg µg iu ml units milligrams micrograms"),
        (.handlingVerb, """
            reviewed review reviews discussed discuss checked checks check tracked track tracks measured measures \
            monitored monitors monitor recorded scheduled processed taken takes asks asked billed mailed emailed \
            shipped mixed prepared charged refunded
            """),
        (.occasion, """
            session sessions appointment appointments visit visits evaluation evaluations consult consultation \
            consultations intake check checkin form forms suite room lounge workshop workshops class classes group \
            groups
            """),
        (.determiner, "the a an our your this that these those their its his her my any each"),
        (.be, "is are was were be been being am it's that's there's here's"),
        (.have, "has have had"),
        (.multiplier, "twice double triple times"),
        (.pronoun, "it they you we he she there this that which who"),
        (.immediacy, "immediately instantly overnight instant immediate"),
        (.evidentialAdverb, """
            clinically scientifically consistently repeatedly medically widely well also already
            """),
    ]
}
