import ClinicPressContent
import ClinicPressModel
@testable import ClinicPressRender
import ClinicPressSite
import Foundation
import Testing

/// The theme's interface strings files, `Templates/strings/<code>.yaml`: YAML read with Yams, problems reported at
/// their file, line and column.
@Suite struct StringsFileTests {
    /// Loads the theme of a site whose `Templates/strings/en.yaml` is `text`.
    private func load(_ text: String) throws -> Theme {
        let site = TemporaryDirectory()
        site.write("Templates/strings/en.yaml", text)
        return try Theme.load(templatesDirectory: site.url.appendingPathComponent("Templates"))
    }

    /// The diagnostics of loading a site's `Templates/strings/en.yaml` that is `text`, which must fail.
    private func errors(_ text: String) throws -> [String] {
        let error = try #require(throws: DiagnosticsError.self) { try load(text) }
        return error.diagnostics.map(\.description)
    }

    @Test func builtInFilesReadWithoutAProblemAndKeepTheirText() throws {
        var diagnostics: [Diagnostic] = []
        let tables = Theme.builtInStrings(diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(tables.keys.sorted() == ["de", "en", "es", "fr"])
        let english = try #require(tables["en"])
        #expect(english.count == 87)
        for code in ["es", "fr", "de"] {
            #expect(Set(try #require(tables[code]).keys) == Set(english.keys), "strings/\(code).yaml")
        }
        // Placeholders, apostrophes, colons followed by a space, accents and arrows, as the old line reader read them.
        #expect(english["published_so_far"] == "{count} published so far")
        #expect(english["date_format"] == "{month} {day}, {year}")
        #expect(english["series_description"] == "All parts of the series '{series}' from {clinic}.")
        #expect(english["comment_policy"] == "Every comment is read by our team before it appears here. Please don't share personal medical details in a comment: call us instead.")
        #expect(english["email_note"] == "Private: only our team sees it, to answer you; it is never published.")
        #expect(english["optional"] == "(optional)")
        #expect(english["newer_articles"] == "← Newer articles")
        #expect(tables["fr"]?["email_note"] == "Privée : seule notre équipe la voit, pour vous répondre ; elle n'est jamais publiée.")
        #expect(tables["fr"]?["comment_thanks"] == "Merci : votre commentaire attend sa relecture.")
        #expect(tables["es"]?["comment_thanks"] == "Gracias: su comentario espera revisión.")
        #expect(tables["de"]?["date_format"] == "{day}. {month} {year}")
        #expect(tables["de"]?["months"] == "Januar, Februar, März, April, Mai, Juni, Juli, August, September, Oktober, November, Dezember")
    }

    @Test func aSiteFileIsReadAsYAML() throws {
        let theme = try load("""
        # Our wording.
        read_more: 'Keep reading: it''s free'   # a comment after the value
        newer: "Later \\u2192"
        older: >-
          Earlier
          articles

        """)
        #expect(theme.warnings.isEmpty)
        #expect(theme.strings["en"]?["read_more"] == "Keep reading: it's free")
        #expect(theme.strings["en"]?["newer"] == "Later →")
        #expect(theme.strings["en"]?["older"] == "Earlier articles")
        #expect(theme.strings["en"]?["written_by"] == "Written by")
    }

    @Test(arguments: ["", "\n", "# nothing changed yet\n"])
    func anEmptyFileChangesNothing(text: String) throws {
        let theme = try load(text)
        #expect(theme.warnings.isEmpty)
        #expect(theme.strings == (try Theme.builtIn()).strings)
    }

    @Test func anUnclosedQuoteIsAnErrorWhereTheQuoteStarts() throws {
        #expect(try errors("newer: Later\nread_more: \"Keep reading\nolder: Earlier\n") == [
            "Templates/strings/en.yaml:2:12: error: invalid YAML: found unexpected end of stream while scanning a quoted scalar that starts here (noticed at line 4, column 1) [template]\n    hint: close the quote, or escape quotes inside the value",
        ])
    }

    @Test func aBadlyIndentedLineIsAnErrorAtItsLine() throws {
        #expect(try errors("read_more: Keep reading\n  newer: Later\n") == [
            "Templates/strings/en.yaml:2:8: error: invalid YAML: mapping values are not allowed in this context [template]\n    hint: check the indentation and quote values that contain `: ` or start with a special character",
        ])
    }

    @Test func anUnquotedPlaceholderIsAnErrorAtItsLine() throws {
        #expect(try errors("newer: Later\npublished_so_far: {count} published so far\n") == [
            "Templates/strings/en.yaml:2:27: error: invalid YAML: did not find expected key while parsing a block mapping that starts at line 1, column 1 [template]\n    hint: check the indentation and quote values that contain `: ` or start with a special character",
        ])
    }

    @Test func aValueThatIsNotTextIsAnErrorAtItsLine() throws {
        #expect(try errors("newer:\n  - Later\nolder: {count: 2}\nread_more:\nwritten_by: By\n") == [
            "Templates/strings/en.yaml:2:3: error: `newer` must be text, found a list [template]\n    hint: write the text on the key's line, in double quotes when it starts with `{` or `[`: `newer: \"…\"`",
            "Templates/strings/en.yaml:3:8: error: `older` must be text, found a nested mapping [template]\n    hint: write the text on the key's line, in double quotes when it starts with `{` or `[`: `older: \"…\"`",
            "Templates/strings/en.yaml:4:11: error: `read_more` must be text, found nothing [template]\n    hint: write the text on the key's line, in double quotes when it starts with `{` or `[`: `read_more: \"…\"`",
        ])
    }

    @Test func aFileThatIsNotUTF8IsAnError() throws {
        let site = TemporaryDirectory()
        site.write("Templates/strings/de.yaml", "")
        try Data([0x6E, 0x65, 0x77, 0x65, 0x72, 0x3A, 0x20, 0xFC, 0x0A]).write(to: site.url.appendingPathComponent("Templates/strings/de.yaml"))
        let error = try #require(throws: DiagnosticsError.self) { try Theme.load(templatesDirectory: site.url.appendingPathComponent("Templates")) }
        #expect(error.diagnostics.map(\.description) == ["Templates/strings/de.yaml:1:1: error: the strings file is not UTF-8 text [template]"])
    }

    @Test func anUnknownKeyIsAWarningWithTheLikelyKey() throws {
        let theme = try load("reed_more: Keep reading\nclinic_motto: Care first\n")
        #expect(theme.warnings.map(\.description) == [
            "Templates/strings/en.yaml:1:1: warning: unknown interface string `reed_more`; did you mean `read_more`? [template]\n    hint: the strings are listed in docs/language.md, with their English text",
            "Templates/strings/en.yaml:2:1: warning: unknown interface string `clinic_motto` [template]\n    hint: the strings are listed in docs/language.md, with their English text",
        ])
        // Kept, for a custom template, as site.yaml's `strings:` keeps them.
        #expect(theme.strings["en"]?["clinic_motto"] == "Care first")
    }

    @Test func aSiteOverrideTakesEffectAndItsWarningsReachTheBuildReport() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        -- Posts/2026-01-01-hello.md --
        ---
        title: "Hello"
        ---
        First post.
        -- Templates/strings/en.yaml --
        skip_to_content: "Skip: to the \\"main\\" text"  # our wording
        older_articls: Earlier
        """)
        let result = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now))
        let page = String(decoding: try #require(result.files.first { $0.path == "posts/hello/index.html" }).contents, as: UTF8.self)
        #expect(page.contains("<a class=\"skip-link\" href=\"#main\">Skip: to the &quot;main&quot; text</a>"))
        #expect(result.report.warnings.map(\.description) == [
            "Templates/strings/en.yaml:2:1: warning: unknown interface string `older_articls`; did you mean `older_articles`? [template]\n    hint: the strings are listed in docs/language.md, with their English text",
        ])
    }

    /// The strings stay the same, but the unknown key's warning moves a line down: the preview must say so, as a fresh build does.
    @Test func anUnknownKeyMovedInThePreviewIsReportedAtItsNewLine() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        -- Posts/2026-01-01-hello.md --
        ---
        title: "Hello"
        ---
        First post.
        -- Templates/strings/en.yaml --
        older_articls: Earlier
        """)
        let options = BuildOptions(siteDirectory: site.url, now: Fixtures.now)
        let build = IncrementalBuild(options)
        _ = try build.build(.everything)
        site.write("Templates/strings/en.yaml", "# Our wording.\nolder_articls: Earlier\n")
        let (_, report) = try build.build(SiteChanges([SiteChange(path: "Templates/strings/en.yaml")!]))
        #expect(report.warnings.map(\.location.line) == [2])
        #expect(report.warnings == (try SiteBuilder.render(options)).report.warnings)
    }

    @Test(arguments: ["build", "check"])
    func aMalformedSiteFileFailsTheCommandAndWritesNothing(command: String) throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        -- Posts/2026-01-01-hello.md --
        ---
        title: "Hello"
        ---
        First post.
        -- Templates/strings/fr.yaml --
        read_more: "Lire la suite
        """)
        let result = try ClinicPressBinary.run([command, "--site", site.url.path])
        #expect(result.status == 2)
        let output = command == "build" ? result.stderr : result.stdout
        #expect(output.contains("Templates/strings/fr.yaml:1:12: error: invalid YAML: found unexpected end of stream while scanning a quoted scalar"))
        #expect(!FileManager.default.fileExists(atPath: site.url.appendingPathComponent("Public").path))
    }
}
