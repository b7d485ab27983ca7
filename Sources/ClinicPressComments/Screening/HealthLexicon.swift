/// Word classes for health disclosures and testimonials. All entries are lowercase words as `ScreeningText`
/// produces them (hyphenated words arrive as separate words; possessives are matched on `Word.base`).
enum HealthLexicon {
    /// Conditions, diagnoses and symptoms a person can have.
    static let conditions: Set<String> = [
        "depression", "depressive", "anxiety", "ptsd", "cptsd", "ocd", "adhd", "bipolar", "schizophrenia",
        "schizoaffective", "psychosis", "mania", "insomnia", "migraine", "migraines", "headaches", "fibromyalgia",
        "diabetes", "prediabetes", "obesity", "pcos", "pots", "crohn", "colitis", "ibs", "lupus", "arthritis",
        "cancer", "alzheimer", "dementia", "parkinson", "epilepsy", "seizures", "autism", "asthma", "hypertension",
        "tinnitus", "concussion", "tbi", "trauma", "addiction", "alcoholism", "anorexia", "bulimia", "disorder",
        "illness", "nightmares", "flashbacks", "rosacea", "acne", "melasma", "eczema", "psoriasis", "hangover",
        "hangovers", "menopause", "perimenopause", "pregnancy", "miscarriage", "postpartum", "covid", "neuropathy",
        "glaucoma", "gad", "mdd", "trd", "hypothyroidism", "thyroid", "dyslexia", "apnea", "tumor", "tumour",
        "symptoms", "diagnosis", "condition", "relapse", "ideation", "nausea", "fatigue", "hypothyroid",
        "reaction", "reactions", "stroke", "strokes", "phq", "bmi", "a1c", "recovery",
    ]

    /// Two-word conditions whose words are ordinary alone ("panic attacks", "brain fog").
    static let conditionPairs: Set<String> = [
        "panic attack", "panic attacks", "anxiety attack", "anxiety attacks", "heart attack", "chronic pain",
        "back pain", "neck pain", "nerve pain", "joint pain", "blood pressure", "blood sugar", "suicidal thoughts",
        "racing thoughts", "intrusive thoughts", "dark thoughts", "hair loss", "hearing loss", "memory loss",
        "food noise", "weight gain", "brain fog", "eating disorder", "sleep disorder", "mood disorder",
        "sleep problems", "heart problems", "mood swings", "binge eating", "night sweats", "hot flashes",
        "side effect", "side effects", "allergic reaction",
    ]
    /// Last words of `conditionPairs`, for "the flashbacks stopped"-style outcome cues.
    static let conditionHeads: Set<String> = Set(conditionPairs.map { String($0.split(separator: " ").last!) })

    /// Adjectives that state a condition after "is/am/was" ("I'm depressed", "he is bipolar").
    static let conditionAdjectives: Set<String> = [
        "depressed", "bipolar", "suicidal", "diabetic", "prediabetic", "autistic", "obese", "pregnant", "anorexic",
        "bulimic", "epileptic", "deaf", "blind", "schizophrenic", "allergic", "sober", "addicted", "hospitalized",
        "manic", "immunocompromised", "infertile", "disabled", "dyslexic",
    ]

    /// Medications by name, and words for medication in general.
    static let medications: Set<String> = [
        "sertraline", "zoloft", "prozac", "fluoxetine", "lexapro", "escitalopram", "citalopram", "celexa", "paxil",
        "paroxetine", "wellbutrin", "bupropion", "effexor", "venlafaxine", "cymbalta", "duloxetine", "pristiq",
        "trintellix", "xanax", "alprazolam", "klonopin", "clonazepam", "ativan", "lorazepam", "valium", "diazepam",
        "lithium", "lamotrigine", "lamictal", "seroquel", "quetiapine", "abilify", "aripiprazole", "adderall",
        "ritalin", "vyvanse", "concerta", "trazodone", "mirtazapine", "remeron", "buspirone", "buspar", "gabapentin",
        "propranolol", "prazosin", "hydroxyzine", "semaglutide", "ozempic", "wegovy", "mounjaro", "zepbound",
        "tirzepatide", "saxenda", "liraglutide", "phentermine", "metformin", "insulin", "naltrexone", "suboxone",
        "methadone", "ssri", "ssris", "snri", "snris", "maoi", "antidepressant", "antidepressants", "benzo", "benzos",
        "benzodiazepines", "stimulant", "stimulants", "antipsychotic", "antipsychotics", "medication", "medications",
        "meds", "medicine", "pills", "prescription", "prescriptions", "dose", "dosage", "doses", "glp", "statins",
        "steroids", "levothyroxine", "synthroid", "ambien", "melatonin", "topiramate", "contrave", "qsymia",
    ]

    /// Treatments, procedures, and the clinicians whose involvement itself discloses treatment.
    static let treatments: Set<String> = [
        "ketamine", "esketamine", "spravato", "tms", "rtms", "infusion", "infusions", "session", "sessions",
        "treatment", "treatments", "therapy", "therapies", "therapist", "psychiatrist", "psychologist", "counselor",
        "counsellor", "counseling", "counselling", "cbt", "dbt", "emdr", "ect", "rehab", "iv", "drip", "drips",
        "injection", "injections", "shots", "botox", "filler", "fillers", "microneedling", "laser", "peel", "peels",
        "ipl", "coolsculpting", "chemo", "chemotherapy", "radiation", "surgery", "booster", "boosters", "inpatient",
        "outpatient", "hospitalization", "detox", "dialysis", "transplant", "fluids", "hydration", "nad",
        "cardiologist", "neurologist", "endocrinologist", "oncologist", "rheumatologist", "gastroenterologist",
        "psychotherapy", "psychiatry", "troche", "troches", "lozenges", "program", "sgb",
    ]

    /// Words that credit an outcome to the clinic itself.
    static let clinicWords: Set<String> = ["clinic", "team", "staff", "nurses", "nurse", "doctors", "dr", "program", "spa", "medspa"]

    /// Treatment words that are also everyday words ("a session of hot yoga", "a course in French").
    static let weakTreatmentHeads: Set<String> = ["session", "sessions", "treatment", "treatments", "program", "course", "shots", "peel", "drip"]

    /// Anything health-related a disclosure can be about.
    static func isHealthTerm(_ w: String) -> Bool {
        conditions.contains(w) || isMedication(w) || treatments.contains(w)
    }

    /// Medication names and words, including unlisted generic names recognised by their stem
    /// ("zuranolone", "lurasidone", "atorvastatin").
    static func isMedication(_ w: String) -> Bool {
        medications.contains(w) || looksLikeDrugName(w)
    }

    /// Endings of generic drug names (INN stems) that ordinary English words don't have.
    static let drugSuffixes: [String] = [
        "olone", "azepam", "zolam", "idone", "odone", "olol", "pril", "sartan", "statin", "glutide", "gliptin",
        "formin", "triptan", "afaxine", "oxetine", "tyline", "ipramine", "prazole", "cillin", "mycin", "oxacin",
        "apine", "etine", "traline", "lukast", "dronate", "azole", "umab", "ximab", "tinib", "pezil", "barbital",
        "zepine", "peridol", "azine", "oxone", "orphine", "codone", "profen", "coxib",
    ]
    static let notDrugs: Set<String> = ["magazine", "gazine", "examine", "routine"]

    static func looksLikeDrugName(_ w: String) -> Bool {
        guard w.count >= 7, !notDrugs.contains(w), w.unicodeScalars.allSatisfy(ScreeningText.isASCIILetter) else { return false }
        return drugSuffixes.contains { w.hasSuffix($0) }
    }

    /// People whose health a commenter may disclose, when "my/our" precedes them.
    static let relations: Set<String> = [
        "sister", "brother", "mom", "mother", "mum", "mama", "dad", "father", "papa", "husband", "wife", "partner",
        "spouse", "son", "daughter", "kid", "kids", "child", "children", "teen", "teenager", "boyfriend", "girlfriend",
        "fiancé", "fiance", "fiancée", "fiancee", "friend", "bestie", "grandma", "grandmother", "grandpa",
        "grandfather", "granddaughter", "grandson", "aunt", "uncle", "cousin", "niece", "nephew", "stepson",
        "stepdaughter", "stepmom", "stepdad", "roommate", "coworker", "colleague", "neighbor", "neighbour", "parents",
        "baby", "twin", "sibling", "siblings", "family", "patient", "client", "veteran", "wifey", "hubby", "bf", "gf",
        "sis", "bro",
    ]

    /// Relations that stand alone as a subject without "my" ("Mom started TMS").
    static let bareRelations: Set<String> = ["mom", "dad", "mum", "grandma", "grandpa", "hubby"]

    /// Subjects that are the commenter.
    static let firstPersonSubjects: Set<String> = ["i", "i'm", "i've", "i'd", "i'll", "im", "ive", "we", "we're", "we've"]

    /// Possessives that belong to the commenter.
    static let firstPersonPossessives: Set<String> = ["my", "our"]
    /// Third-person pronouns, counted only once the comment has mentioned a relation.
    static let thirdPersonSubjects: Set<String> = ["he", "she", "he's", "she's", "they", "they're", "they've"]
    static let thirdPersonPossessives: Set<String> = ["his", "her", "their"]
    /// Every word that refers to a person the commenter writes about.
    static let personWords: Set<String> = [
        "i", "i'm", "i've", "i'd", "i'll", "im", "ive", "me", "my", "myself", "mine", "we", "we're", "we've", "us",
        "our",
    ]

    /// Auxiliaries and adverbs that may stand between a subject and what it did ("I have also been", "who").
    static let auxiliaries: Set<String> = [
        "am", "is", "was", "were", "are", "be", "been", "being", "'m", "'s", "'ve", "also", "just", "recently",
        "finally", "still", "currently", "now", "already", "actually", "really", "honestly", "ever", "even", "then",
        "eventually", "always", "both", "personally", "who", "first", "originally", "only", "too",
        "literally", "basically", "myself", "herself", "himself", "themselves", "initially", "later", "once",
        "twice", "officially", "going", "has", "have", "had", "'d", "all", "each", "somehow", "newly", "formally",
        "and", "luckily", "thankfully", "sadly", "unfortunately", "again", "so", "very", "pretty", "badly",
        "seriously", "severely", "mostly", "clinically", "i", "me", "probably", "apparently", "since",
    ]

    /// Verbs and prepositions that connect a person to a condition, medication or treatment.
    static let predicates: Set<String> = [
        "have", "has", "had", "having", "take", "takes", "took", "taking", "on", "start", "starts", "started",
        "starting", "began", "begin", "begins", "tried", "did", "done", "doing", "finished", "finishing", "completed",
        "complete", "got", "get", "gets", "getting", "received", "receive", "receives", "receiving", "use", "uses",
        "used", "using", "went", "gone", "go", "goes", "undergoing", "underwent", "suffer", "suffers", "suffered",
        "suffering", "struggle", "struggles", "struggled", "struggling", "dealing", "deal", "deals", "dealt",
        "living", "lives", "battled", "battling", "battles", "fighting", "fought", "fights", "recovering",
        "recovered", "survived", "survivor", "needs", "needed", "quit", "stopped", "tapered", "tapering", "switched",
        "in", "relapsed", "treated", "treating", "developed", "develops", "tested", "does", "do", "sees", "seeing",
        "booked", "scheduled", "given", "scored",
    ]

    /// Predicates that are a disclosure by themselves after a person ("I was diagnosed", "she was hospitalized").
    static let selfSufficientPredicates: Set<String> = [
        "diagnosed", "misdiagnosed", "prescribed", "hospitalized", "hospitalised", "medicated", "institutionalized",
        "rediagnosed",
    ]

    /// Words allowed inside a noun phrase before its health head ("my first ketamine infusion",
    /// "150 mg of sertraline", "a third round of").
    static let modifiers: Set<String> = [
        "a", "an", "the", "some", "my", "his", "her", "their", "our", "its", "of", "to", "at", "with", "from", "for",
        "through", "own", "this", "that", "these", "those", "first", "second", "third", "fourth", "fifth", "sixth",
        "seventh", "eighth", "ninth", "tenth", "last", "next", "latest", "recent", "current", "previous", "new",
        "old", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "twenty", "thirty", "dozen", "several", "multiple", "few", "couple", "many", "more", "another", "other",
        "different", "same", "full", "entire", "whole", "extra", "chronic", "severe", "mild", "moderate", "bad",
        "major", "clinical", "treatment", "resistant", "generalized", "generalised", "social", "postpartum",
        "seasonal", "complex", "acute", "terrible", "awful", "debilitating", "lifelong", "crippling", "low", "high",
        "daily", "weekly", "nightly", "monthly", "morning", "nasal", "oral", "vitamin", "saline", "medical",
        "weight", "loss", "lip", "booster", "maintenance", "deep", "generic", "compounded", "prolonged", "exposure",
        "talk", "group", "trauma", "panic", "eating", "mental", "health", "sleep", "mood", "anxiety", "depression",
        "ptsd", "ocd", "hydration", "cosmetic", "round", "rounds", "course", "dose", "mg", "mcg", "ml",
        "units", "lbs", "milligrams", "hormone", "replacement", "early", "onset", "stage", "type", "diagnosed",
        "undiagnosed", "untreated", "childhood", "combat", "related", "chemo", "induced", "ketamine", "tms", "emdr",
        "iv", "spravato", "esketamine", "botox", "in", "on", "heavy", "strong", "stronger", "higher", "lower",
        "serious", "persistent", "recurring", "recurrent", "long", "term", "short", "assisted", "guided", "brain",
        "stimulation", "magnetic", "transcranial", "infusion", "intensive", "residential", "partial", "eye",
        "movement", "desensitization", "psychiatric", "vet", "regular", "usual", "normal", "standard", "repeat",
        "positive", "stellate", "ganglion", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
        "sixteenth", "twentieth", "thirtieth", "thirty-sixth", "final", "remaining", "initial", "two-week", "hour", "minute", "week", "month",
    ]

    /// A modifier word, a number, or a numeric ordinal ("12th").
    static func isModifier(_ w: Word) -> Bool {
        if w.isNumber || modifiers.contains(w.text) { return true }
        // A dose or amount written as one word: "20mg", "0.5mg", "10ml", "2x".
        let scalars = Array(w.text.unicodeScalars)
        if let firstLetter = scalars.firstIndex(where: ScreeningText.isLetter), firstLetter > 0,
           scalars[..<firstLetter].allSatisfy({ ScreeningText.isDigit($0) || $0 == "." }),
           doseUnits.contains(String(String.UnicodeScalarView(scalars[firstLetter...])))
        {
            return true
        }
        for suffix in ["st", "nd", "rd", "th"] where w.text.hasSuffix(suffix) {
            let head = w.text.dropLast(2)
            if !head.isEmpty, head.unicodeScalars.allSatisfy(ScreeningText.isDigit) { return true }
        }
        return false
    }

    static let doseUnits: Set<String> = ["mg", "mcg", "ml", "g", "iu", "units", "x", "mgs", "cc", "lbs", "kg"]

    /// Words before a subject that make what follows hypothetical or a question ("should I", "if my son").
    static let hypotheticalMarkers: Set<String> = [
        "if", "whether", "should", "can", "could", "would", "will", "do", "does", "may", "might", "unless", "cannot",
        "can't", "shouldn't", "suppose", "say", "imagine", "hypothetically", "did", "is", "are", "was", "were",
    ]

    /// Negations.
    static let negations: Set<String> = [
        "not", "never", "no", "don't", "didn't", "doesn't", "haven't", "hasn't", "hadn't", "isn't", "wasn't",
        "aren't", "weren't", "can't", "cannot", "couldn't", "won't", "wouldn't", "shouldn't", "dont", "didnt",
        "doesnt", "havent", "hasnt", "hadnt", "isnt", "wasnt", "cant", "wont", "nothing", "neither", "nor",
        "without", "barely", "hardly",
    ]

    /// Words that turn a sentence into a wish, plan or hypothesis rather than a report.
    static let wishMarkers: Set<String> = [
        "hope", "hoping", "hopefully", "wish", "wishing", "pray", "praying", "crossed", "if", "whether", "might",
        "would", "should", "maybe", "perhaps", "wonder", "wondering", "curious", "considering", "thinking",
        "want", "wants", "planning", "will", "expect", "expecting", "supposed", "claims", "claim", "promise",
        "promises", "advertise", "advertised", "ads", "heard", "read", "supposedly",
    ]
}
