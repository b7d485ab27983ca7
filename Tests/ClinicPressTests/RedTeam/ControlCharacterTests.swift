import ClinicPressModel
import ClinicPressSite
import Foundation
import Testing

/// Issue 12, "Moderation": raw newlines and ESC sequences in authors and front matter reached `comments list` and
/// text diagnostics, and a line starting `::error` would be read by GitHub Actions as a command. Every value from a
/// file is now shown with its control characters escaped, on the line it belongs to.
@Suite struct ControlCharacterTests {
    /// An author written with YAML escapes: a line feed, an ESC sequence, a C1 control (NEL) and a right-to-left
    /// override; and a body whose first line holds a raw ESC sequence and a BEL.
    func siteWithHostileComment() throws -> TemporaryDirectory {
        let site = ModerationSite.make()
        try FileManager.default.removeItem(at: site.url.appendingPathComponent(ModerationSite.mayOnTMS))
        site.write(ModerationSite.mayOnKetamine, """
        ---
        author: "May\\n::error file=a.md::pwned\\e[2J\\N\\u202Eevil"
        date: 2026-09-23T14:05:00Z
        status: pending
        ---
        Hello \u{1B}[31mred\u{07} text
        Second line.

        """)
        return site
    }

    @Test func listEscapesControlCharactersInAuthorsAndExcerpts() throws {
        let site = try siteWithHostileComment()
        let result = try ClinicPressBinary.run(["comments", "list", "--post", "ketamine-basics", "--site", site.url.path])
        #expect(result.status == 0)
        #expect(result.stdout == """
        may-m  pending  2026-09-23  May\\n::error file=a.md::pwned\\u{1B}[2J\\u{85}\\u{202E}evil  on ketamine-basics
            Hello \\u{1B}[31mred\\u{7} text
        max-b  pending  2026-09-24  Max B.                                                    on ketamine-basics
            What does it cost?
        2 comments

        """)
    }

    /// `show` prints the file as it is, line by line, with every other control character made visible.
    @Test func showMakesControlCharactersVisible() throws {
        let site = try siteWithHostileComment()
        let result = try ClinicPressBinary.run(["comments", "show", "2026-09-23-may-m", "--site", site.url.path])
        #expect(result.status == 0)
        #expect(result.stdout == """
        # Posts/2026-09-01-ketamine-basics.comments/2026-09-23-may-m.md
        ---
        author: "May\\n::error file=a.md::pwned\\e[2J\\N\\u202Eevil"
        date: 2026-09-23T14:05:00Z
        status: pending
        ---
        Hello \\u{1B}[31mred\\u{7} text
        Second line.

        """)
    }

    /// A site whose findings quote hostile values: a status with a line feed and ESC sequence, a comment file whose
    /// name holds a line feed and `::warning::`, and a raw ESC and BEL in a source line.
    func siteWithHostileFindings() -> TemporaryDirectory {
        let site = ModerationSite.make()
        site.write(ModerationSite.mayOnTMS, """
        ---
        author: May T.
        date: 2026-09-23T15:00:00Z
        status: "approved\\n::error file=x::pwned\\e[2J"
        ---
        Hi

        """)
        site.write("Posts/2026-09-02-tms-basics.comments/evil\n::warning::pwned.md", "---\nauthor: Evil\ndate: 2026-09-23T14:05:00Z\n---\nHi\n")
        site.write("Posts/2026-09-02-tms-basics.comments/raw.md", "---\nauthor: Raw\ndate: 2026-09-23T14:05:00Z\nstatus: pending\nstauts: \u{1B}]0;owned\u{07}\n---\nHi\n")
        return site
    }

    @Test func textDiagnosticsPutEveryValueOnItsOwnLine() throws {
        let site = siteWithHostileFindings()
        let result = try ClinicPressBinary.run(["check", "--site", site.url.path])
        #expect(result.status == 2)
        let report = result.stdout + result.stderr
        #expect(report.contains("""
        Posts/2026-09-02-tms-basics.comments/2026-09-23-may-m.md:4:9: error: unknown comment status 'approved\\n::error file=x::pwned\\u{1B}[2J' [comment]
            hint: the statuses are: pending, approved, rejected, spam
            | status: "approved\\n::error file=x::pwned\\e[2J"
        Posts/2026-09-02-tms-basics.comments/evil\\n::warning::pwned.md:2:1: error: the comment has no `status` [comment]
            hint: add `status: pending` (pending, approved, rejected or spam)
            | author: Evil

        """), "\(report)")
        #expect(!report.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(report)")
        for line in report.split(separator: "\n") {
            #expect(!line.trimmingCharacters(in: .whitespaces).hasPrefix("::"), "a line GitHub Actions would run as a command: \(line)")
        }
    }

    /// GitHub annotations: one line per finding, each starting with `::<level> `; values cannot add a line or put
    /// an ESC sequence in the log.
    @Test func githubAnnotationsCannotBeInjected() throws {
        let site = siteWithHostileFindings()
        let result = try ClinicPressBinary.run(["check", "--format", "github", "--site", site.url.path])
        #expect(result.status == 2)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 3, "\(result.stdout)")
        for line in lines {
            #expect(line.hasPrefix("::error file=Posts/") || line.hasPrefix("::warning file=Posts/"), "\(line)")
        }
        #expect(!result.stdout.unicodeScalars.contains { TerminalTextProbe.isControl($0) && $0 != "\n" }, "\(result.stdout)")
        #expect(lines.contains("""
        ::error file=Posts/2026-09-02-tms-basics.comments/evil\\n%3A%3Awarning%3A%3Apwned.md,line=2,col=1,title=comment::the comment has no `status` [comment]%0Aadd `status: pending` (pending, approved, rejected or spam)
        """))
        #expect(lines.contains("""
        ::error file=Posts/2026-09-02-tms-basics.comments/2026-09-23-may-m.md,line=4,col=9,title=comment::unknown comment status 'approved\\n::error file=x::pwned\\u{1B}[2J' [comment]%0Athe statuses are: pending, approved, rejected, spam
        """))
    }

    /// The escaping itself, case by case, and its fast check against the plain definition on random text.
    @Test(arguments: [
        ("plain text, ünïcödé", "plain text, ünïcödé"),
        ("a\nb", "a\\nb"), ("a\r\nb", "a\\r\\nb"), ("tab\there", "tab\\there"), ("\u{1B}[2J", "\\u{1B}[2J"),
        ("del\u{7F}", "del\\u{7F}"), ("c1\u{85}\u{9B}", "c1\\u{85}\\u{9B}"), ("rlo\u{202E}x\u{2066}", "rlo\\u{202E}x\\u{2066}"),
        ("ls\u{2028}ps\u{2029}", "ls\\u{2028}ps\\u{2029}"), ("alm\u{061C}lrm\u{200E}", "alm\\u{61C}lrm\\u{200E}"),
    ])
    func escapesOneLine(input: String, expected: String) {
        #expect(TerminalText.line(input) == expected)
    }

    @Test func blockKeepsLineFeedsAndTabsAndDropsCRBeforeLF() {
        #expect(TerminalText.block("a\r\nb\tc\rd\u{1B}\n") == "a\nb\tc\\rd\\u{1B}\n")
    }

    @Test func fastCheckAgreesWithThePlainDefinition() {
        var generator = SystemRandomNumberGenerator()
        let interesting: [UInt32] = [0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0x85, 0x9F, 0xA0, 0xE9, 0x061B, 0x061C, 0x061D,
                                     0x200D, 0x200E, 0x200F, 0x2010, 0x2027, 0x2028, 0x202E, 0x202F, 0x2065, 0x2066, 0x2069, 0x206A, 0x4E2D, 0x1F600]
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...6, using: &generator)
            // Runs of printable ASCII before and between, so that the eight-bytes-at-a-time scan meets each character at
            // every offset of a word.
            let text = (0..<length).map { _ in
                String(repeating: "a", count: Int.random(in: 0...9, using: &generator))
                    + String(Unicode.Scalar(interesting.randomElement(using: &generator)!)!)
            }.joined() + String(repeating: "~", count: Int.random(in: 0...9, using: &generator))
            let plain = text.unicodeScalars.contains(where: TerminalTextProbe.isControl)
            #expect(TerminalText.needsEscaping(text) == plain, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}

/// The characters `TerminalText` escapes, written out plainly.
private enum TerminalTextProbe {
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || [0x061C, 0x200E, 0x200F].contains(value)
            || (0x2028...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }
}
