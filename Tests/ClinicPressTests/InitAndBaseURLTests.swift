import ClinicPressModel
import ClinicPressSite
import Foundation
import Testing

/// `init` used to leave `base_url: https://blog.example.com/` and `clinic:` set to the title, and `build` never said
/// a word: canonical URLs, the sitemap and the feed pointed at example.com, and the header said the title twice.
@Suite struct InitAndBaseURLTests {
    func siteYAML(_ site: URL) throws -> String {
        try String(contentsOf: site.appendingPathComponent("site.yaml"), encoding: .utf8)
    }

    @Test func initTakesTheAddressAndTheClinic() throws {
        let parent = TemporaryDirectory()
        let site = parent.url.appendingPathComponent("riverside")
        let created = try ClinicPressBinary.run(["init", site.path, "--title", "Riverside Notes", "--base-url", "blog.riverside.example",
                                                 "--clinic", "Riverside Mind Clinic"])
        #expect(created.status == 0, "\(created.stderr)")
        let yaml = try siteYAML(site)
        #expect(yaml.contains("\nbase_url: \"https://blog.riverside.example/\"\n"))
        #expect(yaml.contains("\nclinic: \"Riverside Mind Clinic\"\n"))
        let built = try ClinicPressBinary.run(["build", "--site", site.path])
        #expect(built.status == 0)
        #expect(built.stderr.isEmpty, "no warning: \(built.stderr)")
        let home = try String(contentsOf: site.appendingPathComponent("Public/index.html"), encoding: .utf8)
        #expect(home.contains("<link rel=\"canonical\" href=\"https://blog.riverside.example/\">"))
        #expect(home.contains("<span class=\"brand-clinic\">Riverside Mind Clinic</span>\n        <span class=\"brand-title\">Riverside Notes</span>"))
    }

    @Test func withoutThemInitWritesPlaceholdersAndBuildWarnsAtTheBaseURLLine() throws {
        let parent = TemporaryDirectory()
        let site = parent.url.appendingPathComponent("new-clinic")
        // Not a terminal (the test's pipes): no questions, the placeholders.
        let created = try ClinicPressBinary.run(["init", site.path])
        #expect(created.status == 0)
        #expect(created.stdout.contains("set base_url in"))
        let yaml = try siteYAML(site)
        #expect(yaml.contains("\nbase_url: \"https://blog.example.com/\""))
        #expect(yaml.contains("\n# clinic: "))
        let built = try ClinicPressBinary.run(["build", "--site", site.path])
        #expect(built.status == 0)
        #expect(built.stdout.hasPrefix("Built 1 post, 6 pages in "))
        #expect(built.stdout.contains(", 1 warning\n"))
        #expect(built.stderr.hasPrefix("""
        site.yaml:3:11: warning: `base_url` is an example address (blog.example.com): canonical URLs, the sitemap and the feed would point at it [site-config]
            hint: set base_url in site.yaml to the address the site is published at, such as https://blog.yourclinic.com/ (or build with --base-url)
        """))
        // The header names the blog once.
        let home = try String(contentsOf: site.appendingPathComponent("Public/index.html"), encoding: .utf8)
        #expect(home.contains("<span class=\"brand-text\">\n        <span class=\"brand-clinic\">Our Clinic Blog</span>\n      </span>"))
        // A deploy with its own address is not warned about.
        let deployed = try ClinicPressBinary.run(["build", "--site", site.path, "--base-url", "https://blog.riverside.example/"])
        #expect(deployed.status == 0)
        #expect(deployed.stderr.isEmpty)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a terminal"))
    func onATerminalInitAsksForWhatItWasNotGiven() throws {
        let parent = TemporaryDirectory()
        let site = parent.url.appendingPathComponent("asked")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        // script(1) runs init on a pseudo-terminal and types what it reads from its own input.
        process.arguments = ["-qec", "'\(ClinicPressBinary.url.path)' init '\(site.path)'", "/dev/null"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data("ftp://nope\nblog.riverside.example\nRiverside Mind Clinic\n".utf8))
        try input.fileHandleForWriting.close()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(printed)")
        #expect(printed.contains("'ftp://nope' is not an http(s) address"))
        let yaml = try siteYAML(site)
        #expect(yaml.contains("\nbase_url: \"https://blog.riverside.example/\"\n"))
        #expect(yaml.contains("\nclinic: \"Riverside Mind Clinic\"\n"))
    }

    @Test func theQuestionsKeepThePlaceholdersOnEmptyAnswersAndTheEndOfInput() {
        var told: [String] = []
        var answers = ["https://blog example", "", "   "]
        let emptied = Scaffold.askForMissing(baseURL: nil, clinic: nil, ask: { _ in answers.isEmpty ? nil : answers.removeFirst() }, tell: { told.append($0) })
        #expect(emptied.baseURL == nil && emptied.clinic == nil)
        #expect(told == ["'https://blog example' is not a web address, such as https://blog.yourclinic.com/"])
        let ended = Scaffold.askForMissing(baseURL: nil, clinic: nil, ask: { _ in nil }, tell: { _ in })
        #expect(ended.baseURL == nil && ended.clinic == nil)
        // What was given on the command line is not asked for.
        let given = Scaffold.askForMissing(baseURL: "https://a.example/", clinic: "A", ask: { question in
            Issue.record("asked: \(question)")
            return nil
        }, tell: { _ in })
        #expect(given.baseURL == "https://a.example/" && given.clinic == "A")
    }

    @Test(arguments: [["init", "x", "--base-url", "ftp://files.example/"], ["init", "x", "--base-url", "https://"], ["init", "x", "--clinic", " "]])
    func badInitArgumentsExitTwo(arguments: [String]) throws {
        let parent = TemporaryDirectory()
        let result = try ClinicPressBinary.run(arguments, in: parent.url)
        #expect(result.status == 2)
        #expect(!FileManager.default.fileExists(atPath: parent.url.appendingPathComponent("x").path))
    }

    @Test(arguments: [
        ("https://blog.example.com/", "blog.example.com"), ("https://example.com/blog/", "example.com"), ("http://www.EXAMPLE.org:8080/", "www.example.org"),
        ("https://example.net./", "example.net"), ("https://clinic.example/", nil), ("https://example.community/", nil),
        ("https://myexample.com/", nil), ("https://example.com.au/", nil), ("https://blog.cedargrovewellness.example/", nil),
    ] as [(String, String?)])
    func exampleAddressesAreRecognised(baseURL: String, host: String?) {
        #expect(SiteConfig(title: "T", baseURL: baseURL).exampleHost == host)
    }
}
