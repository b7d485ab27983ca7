@testable import ClinicPressClaims
import ClinicPressMarkdown
import ClinicPressModel
import Testing

/// The claim checker over whole Markdown bodies: where findings point, what counts as a citation, suppressions,
/// configuration. The body starts on line 5 of its file, as after a three-key front matter.
@Suite struct ClaimCheckerTests {
    /// Each kind's message names the kind as everywhere else, then says what is missing.
    @Test func uncitedMessagesNameTheirKind() {
        for category in ClaimCategory.allCases {
            #expect(category.uncitedMessage == category.description + " without a citation")
        }
    }

    let file = "Posts/2026-01-01-test.md"

    func check(_ body: String, settings: ClaimSettings = ClaimSettings(), references: [String: Reference] = [:]) -> ClaimAnalysis {
        let tree = MarkdownTree(body, firstLine: 5)
        return ClaimChecker(settings: settings, references: references).check(tree.root, file: file)
    }

    /// `line:column rule` for each finding, for compact expectations.
    func summary(_ analysis: ClaimAnalysis) -> [String] {
        analysis.findings.map { "\($0.location.line):\($0.location.column) \($0.rule)" }
    }

    @Test func uncitedClaimIsReportedAtItsSentenceWithTheWholeSentence() throws {
        let analysis = check("Welcome to our clinic. As many as 7 in 10 patients feel better after\none infusion, and we are glad.\n")
        let finding = try #require(analysis.findings.first)
        #expect(analysis.findings.count == 1)
        #expect(finding.location == SourceLocation(file: file, line: 5, column: 24))
        #expect(finding.rule == "uncited-statistic")
        #expect(finding.severity == .error)
        #expect(finding.message == "statistic without a citation")
        #expect(finding.excerpt == "As many as 7 in 10 patients feel better after one infusion, and we are glad.")
    }

    @Test func aFootnoteCitesItsOwnSentenceOnly() {
        let analysis = check("""
        Studies show that ketamine lifts mood in most patients.[^1] Research confirms that the effect lasts for weeks.

        [^1]: Example A, Example B. Ketamine and mood: a trial. Journal of Examples. 2020. https://doi.org/10.5555/1
        """)
        // "…lasts for weeks" is research and time-to-effect at once: the more severe rule (research, an error) reports it.
        #expect(summary(analysis) == ["5:61 uncited-research"])
        #expect(analysis.claims == 2)
        #expect(analysis.citedClaims == 1)
        #expect(analysis.sources == [.footnote(label: "1")])
    }

    @Test(arguments: [
        "A recent trial found that 60% of patients improved[^src].",
        "A recent trial found that 60% of patients improved.[^src]",
        "A recent trial[^src] found that 60% of patients improved.",
        "A [recent trial](https://pubmed.ncbi.nlm.nih.gov/00000000/) found that 60% of patients improved.",
        "A recent trial found that 60% of patients improved (https://doi.org/10.5555/2).",
        "A recent trial found that 60% of patients improved [@trial2020].",
    ])
    func citationFormsCount(sentence: String) {
        let references = ["trial2020": Reference(key: "trial2020", title: "A trial", author: "Example A", year: 2020)]
        let definition = sentence.contains("[^src]") ? "\n\n[^src]: Example A. A trial. Journal of Examples, 2020.\n" : "\n"
        let analysis = check(sentence + definition, references: references)
        #expect(analysis.findings.isEmpty, "\(analysis.findings)")
        #expect(analysis.citedClaims == 1)
    }

    @Test func footnoteProblemsAreFindings() {
        let analysis = check("""
        Research shows TMS helps 58% of patients.[^vague] Our team cares.[^missing]

        [^vague]: Studies.
        [^unused]: Example A. Unused source. 2021.
        """)
        #expect(summary(analysis) == ["5:1 uncited-statistic", "5:66 footnote-undefined", "7:11 citation-no-source", "8:1 footnote-unused"])
        #expect(analysis.findings[0].message == "statistic without a citation: footnote [^vague] names no source")
        #expect(analysis.findings[2].message == "footnote [^vague] names no source: 'Studies.'")
    }

    @Test func unknownReferenceKeysAreErrorsWithASuggestion() throws {
        let references = ["fda2019": Reference(key: "fda2019", title: "FDA approval", url: "https://www.fda.gov/x")]
        let analysis = check("Spravato is FDA-approved for treatment-resistant depression [@fda2091].\n", references: references)
        let finding = try #require(analysis.findings.first)
        #expect(summary(analysis) == ["5:61 reference-unknown"])
        #expect(finding.message == "reference [@fda2091] is not in references.yaml")
        #expect(finding.hint == "did you mean [@fda2019]?")
    }

    @Test func anUnknownKeyCutShortSuggestsTheExistingKeyItStartsWith() throws {
        let references = [
            "fda-tms-2008": Reference(key: "fda-tms-2008", title: "TMS clearance", url: "https://www.fda.gov/tms"),
            "nimh-depression": Reference(key: "nimh-depression", title: "Depression", url: "https://www.nimh.nih.gov/d"),
        ]
        let analysis = check("TMS is FDA-cleared for major depression [@fda-tms].\n", references: references)
        let finding = try #require(analysis.findings.first)
        #expect(finding.message == "reference [@fda-tms] is not in references.yaml")
        #expect(finding.hint == "did you mean [@fda-tms-2008]?")
    }

    @Test(arguments: [
        ("fda-tms", ["fda-tms-2008"]),
        ("fda-tms-2008a", ["fda-tms-2008"]),
        ("fda-tms-2008-review", ["fda-tms-2008"]),
        ("nimh", ["nimh-depression", "nimh-brain-stimulation"]),
        ("cochrane-2020", []),
    ])
    func likelyReferenceKeys(key: String, expected: [String]) {
        let known = ["fda-tms-2008", "nimh-brain-stimulation", "nimh-depression"]
        #expect(ClaimChecker.likelyReferences(for: key, among: known) == expected)
    }

    @Test func anUnknownKeyLikeNoOtherSaysToAddIt() throws {
        let references = ["fda-tms-2008": Reference(key: "fda-tms-2008", title: "TMS clearance", url: "https://www.fda.gov/tms")]
        let analysis = check("TMS is FDA-cleared for major depression [@cochrane-2020].\n", references: references)
        #expect(analysis.findings.first?.hint == "add `cochrane-2020:` with a title and a url, doi or pmid to references.yaml")
    }

    @Test func linksOutsideTrustedDomainsAreReportedAtInfoLevel() {
        let settings = ClaimSettings(trustedDomains: ["nih.gov", "fda.gov"])
        let analysis = check("""
        Studies show that infusions help [most patients](https://www.ncbi.nlm.nih.gov/pmc/x) feel better.
        Research confirms that drips boost energy ([a blog](https://wellness-blog.example/post)).
        """, settings: settings)
        #expect(summary(analysis) == ["6:44 untrusted-source"])
        #expect(analysis.findings[0].severity == .info)
        #expect(analysis.findings[0].message == "source wellness-blog.example is not on the list of trusted domains")
    }

    @Test func neverChecksHeadingsCodeOrLinkAddresses() {
        let analysis = check("""
        ## Studies show 90% of patients recover within a day

        ```
        Research confirms this cures depression in 100% of cases.
        ```

        See [our page](https://example.org/100-percent-cure-guaranteed) for hours.
        """)
        #expect(analysis.findings.isEmpty, "\(analysis.findings)")
        #expect(analysis.claims == 0)
    }

    @Test func listItemsTableCellsAndQuotesAreChecked() {
        let analysis = check("""
        - Most clients feel relief within hours.

        > Research confirms that NAD+ reverses aging.

        | Program | Result |
        | --- | --- |
        | Semaglutide | Patients lose 15% of their weight |
        """)
        // "Most clients" makes the first a statistic (an error) as well as a time-to-effect claim (a warning); "reverses"
        // makes the second an absolute promise as well as a research claim, and absolute comes first among errors.
        #expect(summary(analysis) == ["5:3 uncited-statistic", "7:3 uncited-absolute", "11:17 uncited-statistic"])
    }

    @Test func ketamineCalledFDAApprovedForDepressionIsAnErrorEvenWhenCited() {
        let analysis = check("IV ketamine is FDA-approved for depression.[^1]\n\n[^1]: Example A. Example. 2020. https://example.org\n")
        #expect(summary(analysis) == ["5:1 fda-ketamine"])
        #expect(analysis.findings[0].message == "ketamine is not FDA-approved for depression; esketamine (Spravato) is")
    }

    @Test func claimOkLetsTheNextBlockPassAndListsIt() {
        let analysis = check("""
        <!-- claim-ok: restates the NIMH figure cited in the previous section -->
        About 7 in 100 adults will have PTSD at some point.

        Research confirms that ketamine works within a day.
        """)
        #expect(summary(analysis) == ["6:1 claim-suppressed", "8:1 uncited-research"])
        #expect(analysis.findings[0].severity == .info)
        #expect(analysis.findings[0].message == "uncited-statistic suppressed: restates the NIMH figure cited in the previous section")
        #expect(analysis.suppressedClaims == 1)
    }

    @Test func suppressionsNeedAReasonAndMustBeUsed() {
        let analysis = check("""
        <!-- claim-ok -->
        About 7 in 100 adults will have PTSD at some point.

        <!-- claim-ok: nothing to suppress here -->
        Our nurses are friendly.
        """)
        #expect(summary(analysis) == ["5:1 suppression-invalid", "6:1 uncited-statistic", "8:1 suppression-unused"])
    }

    @Test func regionsSwitchNamedRulesOffUntilTurnedOn() {
        let analysis = check("""
        <!-- claim-check off uncited-statistic: the table restates the cited trial -->

        Half of all patients respond to TMS.

        Research confirms that TMS works for everyone.

        <!-- claim-check on -->

        Half of all patients respond to ECT.
        """)
        #expect(summary(analysis) == ["7:1 claim-suppressed", "9:1 uncited-absolute", "13:1 uncited-statistic"])
    }

    @Test func unknownRulesInRegionsAreInvalid() {
        let analysis = check("<!-- claim-check off uncited-stats: typo -->\n\nHalf of all patients respond to TMS.\n")
        #expect(summary(analysis) == ["5:1 suppression-invalid", "7:1 uncited-statistic"])
        #expect(analysis.findings[0].message == "`uncited-stats` is not a claim rule that can be switched off")
    }

    @Test func severitiesComeFromSettings() {
        let location = SourceLocation(file: "site.yaml", line: 3)
        let settings = ClaimSettings(rules: [
            .init(rule: "uncited-statistic", severity: .warning, location: location),
            .init(rule: "uncited-research", severity: nil, location: location),
        ])
        let analysis = check("Half of all patients respond to TMS. Research confirms that TMS lifts mood.\n", settings: settings)
        #expect(analysis.findings.map(\.severity) == [.warning])
        #expect(summary(analysis) == ["5:1 uncited-statistic"])
    }

    @Test func extraPhrasesMakeClaims() {
        let settings = ClaimSettings(phrases: [.init(category: "absolute", phrases: ["zen garden"], location: SourceLocation(file: "site.yaml"))])
        #expect(check("Visitors call our lobby a zen garden.\n").findings.isEmpty)
        #expect(summary(check("Visitors call our lobby a Zen Garden.\n", settings: settings)) == ["5:1 uncited-absolute"])
    }

    @Test func unknownRulesAndCategoriesInSettingsAreErrors() {
        let settings = ClaimSettings(
            rules: [.init(rule: "uncited-statistics", severity: .warning, location: SourceLocation(file: "site.yaml", line: 12, column: 5))],
            phrases: [.init(category: "promise", phrases: ["x"], location: SourceLocation(file: "site.yaml", line: 14, column: 5))]
        )
        let diagnostics = ClaimChecker.validate(settings)
        #expect(diagnostics.map(\.message) == ["unknown claim rule `uncited-statistics`", "unknown claim category `promise`"])
        #expect(diagnostics[0].hint?.hasPrefix("did you mean `uncited-statistic`?") == true)
    }
}
