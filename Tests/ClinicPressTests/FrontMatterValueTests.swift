@testable import ClinicPressContent
import ClinicPressModel
import Testing

/// YAML values are read as text and typed by ClinicPress: custom front matter keys reach templates as `extra.<key>`,
/// typed by how they are written, and settings take `true` and `false`.
@Suite struct FrontMatterValueTests {
    @Test func customKeysAreTypedByHowTheyAreWritten() throws {
        let text = """
        ---
        title: Values
        date: 2026-05-01
        featured: true
        hidden: False
        sessions: 6
        change: -2
        rating: 4.5
        postcode: 02139
        quoted: "12"
        yes_no: yes
        hex: 0x1F
        infinite: .inf
        nothing:
        list: [1, two]
        ---
        Body.
        """
        var diagnostics: [Diagnostic] = []
        let post = try #require(Post.parse(text, source: "Posts/2026-05-01-values.md", diagnostics: &diagnostics))
        #expect(diagnostics.isEmpty)
        let values = Dictionary(uniqueKeysWithValues: post.extra.map { ($0.key, $0.value) })
        #expect(values["featured"] == .bool(true))
        #expect(values["hidden"] == .bool(false))
        #expect(values["sessions"] == .int(6))
        #expect(values["change"] == .int(-2))
        #expect(values["rating"] == .double(4.5))
        // Text as written: a leading zero, quotes, and YAML 1.1's other spellings of booleans and numbers.
        #expect(values["postcode"] == .string("02139"))
        #expect(values["quoted"] == .string("12"))
        #expect(values["yes_no"] == .string("yes"))
        #expect(values["hex"] == .string("0x1F"))
        #expect(values["infinite"] == .string(".inf"))
        #expect(values["nothing"] == .string(""))
        #expect(values["list"] == .list([.int(1), .string("two")]))
    }

    @Test(arguments: [("0", true), ("-0.5", true), ("+3", true), ("10.25", true), ("01", false), ("1.", false), (".5", false),
                      ("1e3", false), ("", false), ("-", false), ("1.2.3", false), ("nan", false)])
    func plainNumbers(text: String, isNumber: Bool) {
        #expect(YAMLMapping.isPlainNumber(text) == isNumber)
    }

    @Test(arguments: [("true", true), ("false", false), ("TRUE", true)])
    func rawHTMLTakesTrueOrFalse(written: String, value: Bool) throws {
        let site = TemporaryDirectory()
        site.write("site.yaml", "title: T\nbase_url: https://clinic.example/\nmarkdown:\n  raw_html: \(written)\n")
        #expect(try SiteContent.loadConfig(from: site.url).allowRawHTML == value)
    }

    @Test func rawHTMLThatIsNotABooleanIsAnErrorAtItsValue() throws {
        let site = TemporaryDirectory()
        site.write("site.yaml", "title: T\nbase_url: https://clinic.example/\nmarkdown:\n  raw_html: maybe\n")
        let error = try #require(throws: DiagnosticsError.self) { try SiteContent.loadConfig(from: site.url) }
        #expect(error.diagnostics.map(\.description) == ["site.yaml:4:13: error: `raw_html` must be `true` or `false` [site-config]"])
    }
}
