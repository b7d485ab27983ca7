import ClinicPressModel
@testable import ClinicPressPreview
import ClinicPressSite
import Foundation
import Glibc
import Hummingbird
import Testing

/// The review panel beside the text, `editor:` links, `/_review`, and `serve`'s port check, year and `--open`.
@Suite struct PreviewReviewTests {
    func site(editor: String? = nil) -> TemporaryDirectory {
        let site = TemporaryDirectory()
        site.write("site.yaml", "title: \"Test Blog\"\nbase_url: \"https://test.example/\"\nreview_every: 12 months\n" + (editor.map { "editor: \($0)\n" } ?? ""))
        site.write("Posts/2026-01-01-a.md", "---\ntitle: \"A\"\nreviewed_on: 2026-01-01\n---\nA recent trial found that 6 in 10 patients improved.\n")
        site.write("Posts/2025-01-02-b.md", "---\ntitle: \"B\"\n---\nClean text about our opening hours.\n")
        site.write("Posts/2026-01-03-c.md", "---\ntitle: \"C\"\ndraft: true\n---\nWe are open late.\n")
        site.write("Posts/2027-06-01-d.md", "---\ntitle: \"D\"\n---\nNext summer we open a second clinic.\n")
        site.write("Posts/2025-01-02-b.comments/2026-01-05-x.md", "---\nauthor: \"Sam\"\ndate: 2026-01-05\nstatus: pending\n---\nThanks.\n")
        return site
    }

    static let now = Timestamp(parsing: "2026-11-22T12:00:00Z")!

    func page(_ outcome: PreviewBuilder.Outcome, _ path: String) -> String {
        guard case .built(let files, _) = outcome else { return "" }
        return files.first { $0.path == path }.map { String(decoding: $0.contents, as: UTF8.self) } ?? ""
    }

    @Test func eachFindingShowsSeverityRuleSentenceLocationAndReasons() {
        let finding = Diagnostic(.error, "statistic without a citation", at: SourceLocation(file: "Posts/a b.md", line: 18, column: 3),
                                 rule: "uncited-statistic", hint: "add a source", excerpt: "6 in 10 patients <improved>.", reasons: ["6 in 10"])
        let links = PreviewOverlay.Links(siteDirectory: URL(fileURLWithPath: "/srv/blog"), editor: .vscode)
        #expect(PreviewOverlay.entry(finding, number: 2, links: links) == """
        <li id="cp-entry-2" class="cp-entry cp-error" tabindex="-1" data-severity="error" data-rule="uncited-statistic" data-excerpt="6 in 10 patients &lt;improved&gt;.">
        <p class="cp-head"><span class="cp-sev cp-sev-error"><span aria-hidden="true">✖</span> Error</span> <code class="cp-rule">uncited-statistic</code></p>
        <p class="cp-message">statistic without a citation</p>
        <p class="cp-excerpt"><a class="cp-go" href="#cp-finding-2">“6 in 10 patients &lt;improved&gt;.”</a></p>
        <p class="cp-reasons">Because: <q>6 in 10</q></p>
        <p class="cp-hint">Hint: add a source</p>
        <p class="cp-where"><code class="cp-location">Posts/a b.md:18:3</code> <button type="button" class="cp-copy" data-copy="Posts/a b.md:18:3" aria-label="Copy Posts/a b.md:18:3">Copy</button> <a class="cp-open" href="vscode://file/srv/blog/Posts/a%20b.md:18:3">Open in VS Code</a></p>
        </li>

        """)
    }

    @Test(arguments: [
        (Editor.vscode, "vscode://file/srv/my%20blog/Posts/a.md:7:2"),
        (Editor.zed, "zed://file/srv/my%20blog/Posts/a.md:7:2"),
        (Editor.idea, "idea://open?file=/srv/my%20blog/Posts/a.md&line=7&column=2"),
    ])
    func editorLinksOpenTheFileAtTheLine(editor: Editor, link: String) {
        let links = PreviewOverlay.Links(siteDirectory: URL(fileURLWithPath: "/srv/my blog"), editor: editor)
        #expect(PreviewOverlay.editorLink(SourceLocation(file: "Posts/a.md", line: 7, column: 2), links: links) == link)
    }

    @Test func withoutAnEditorThereIsOnlyTheCopyButton() {
        let finding = Diagnostic(.warning, "w", at: SourceLocation(file: "site.yaml", line: 2, column: 1), rule: "site-config")
        let html = PreviewOverlay.entry(finding, number: 1, links: .init(siteDirectory: URL(fileURLWithPath: "/srv"), editor: .none))
        #expect(html.contains("class=\"cp-copy\" data-copy=\"site.yaml:2:1\""))
        #expect(!html.contains("cp-open"))
        #expect(!html.contains("cp-go"))
        #expect(html.contains("<span aria-hidden=\"true\">▲</span> Warning"))
    }

    @Test func thePanelCountsBySeverityAndDocumentsTheKeys() {
        let findings = [
            Diagnostic(.warning, "w", at: SourceLocation(file: "Posts/a.md", line: 9, column: 1), rule: "r2", excerpt: "Two."),
            Diagnostic(.error, "e", at: SourceLocation(file: "Posts/a.md", line: 3, column: 1), rule: "r1", excerpt: "One."),
            Diagnostic(.warning, "w", at: SourceLocation(file: "Posts/a.md", line: 12, column: 1), rule: "r3", excerpt: "Three."),
        ]
        let html = PreviewOverlay.panel(findings, links: .init(siteDirectory: URL(fileURLWithPath: "/srv"), editor: .none))
        #expect(html.contains("<p class=\"cp-counts\">1 error · 2 warnings</p>"))
        #expect(html.contains("<kbd>j</kbd> next finding, <kbd>k</kbd> previous"))
        #expect(html.contains("aria-expanded=\"false\" aria-controls=\"cp-review-body\"><span aria-hidden=\"true\">✖</span> 3 <span class=\"cp-badge-word\">findings</span>"))
        // In the order of the text.
        let order = ["data-rule=\"r1\"", "data-rule=\"r2\"", "data-rule=\"r3\""].map { html.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
    }

    @Test func postPagesCarryThePanelWithTheSitesEditor() throws {
        let site = site(editor: "zed")
        let outcome = PreviewBuilder(siteDirectory: site.url, baseURL: "http://127.0.0.1:8000/").build(generation: "g", now: Self.now)
        let html = page(outcome, "posts/a/index.html")
        let path = site.url.standardizedFileURL.appendingPathComponent("Posts/2026-01-01-a.md").path
        #expect(html.contains("<a class=\"cp-open\" href=\"zed://file\(path):5:1\">Open in Zed</a>"))
        #expect(html.contains("data-rule=\"uncited-research\"") || html.contains("data-rule=\"uncited-statistic\""))
        // The panel's style is in the head: a <style> in the body is not valid HTML.
        let head = try #require(html.range(of: "</head>")).lowerBound
        #expect(html.range(of: "<style>/* ClinicPress review panel")!.lowerBound < head)
        #expect(!html[head...].contains("<style"))
    }

    @Test func previewFootersShowTheYearOfNowNotOfAScheduledPost() {
        let site = site()
        let outcome = PreviewBuilder(siteDirectory: site.url, baseURL: "http://127.0.0.1:8000/").build(generation: "g", now: Self.now)
        let home = page(outcome, "index.html")
        #expect(home.contains("© 2026"))
        #expect(!home.contains("© 2027"))
    }

    @Test func theOverviewPutsWhatNeedsAttentionFirst() throws {
        let site = site()
        let builder = PreviewBuilder(siteDirectory: site.url, baseURL: "http://127.0.0.1:8000/")
        _ = builder.build(generation: "g", now: Self.now)
        let overview = try #require(builder.overview())
        #expect(overview.entries.map(\.source) == ["Posts/2026-01-01-a.md", "Posts/2025-01-02-b.md", "Posts/2027-06-01-d.md", "Posts/2026-01-03-c.md"])
        let a = overview.entries[0], b = overview.entries[1], d = overview.entries[2], c = overview.entries[3]
        #expect(a.errors + a.warnings > 0 && a.reviewDue == nil)
        #expect(b.reviewDue == Timestamp(parsing: "2026-01-02")! && b.pendingComments == 1)
        #expect(d.isScheduled && !d.isDraft)
        #expect(c.isDraft)
    }

    @Test func theReviewPageListsEveryPostWithLinks() async throws {
        let site = site()
        let builder = PreviewBuilder(siteDirectory: site.url, baseURL: "http://127.0.0.1:8000/")
        _ = builder.build(generation: "g", now: Self.now)
        let html = ReviewPage { nil }.html(builder.overview())
        #expect(html.contains("<title>Review: 4 posts</title>"))
        #expect(html.contains("<th scope=\"row\"><a href=\"/posts/b/\">B</a><br><code>Posts/2025-01-02-b.md</code></th>"))
        #expect(html.contains("<td><span class=\"due\">Due since 2026-01-02</span></td><td><a href=\"/_moderation\">1 pending</a></td><td>Published</td>"))
        #expect(html.contains("<td>Scheduled for 2027-06-01</td>"))
        #expect(html.contains("<td>Draft</td>"))
        let rows = ["/posts/a/", "/posts/b/", "/posts/d/", "/posts/c/"].map { html.range(of: "href=\"\($0)\"")!.lowerBound }
        #expect(rows == rows.sorted())
    }

    @Test func theReviewPageIsRefusedOffLoopback() async throws {
        let preview = PreviewSite(generation: "g")
        let open = PreviewRouter.make(site: preview, review: ReviewPage { nil })
        try await Application(router: open).test(.router) { client in
            try await client.execute(uri: "/_review", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("The site has not built yet"))
            }
        }
        let closed = PreviewRouter.make(site: preview, review: nil)
        try await Application(router: closed).test(.router) { client in
            try await client.execute(uri: "/_review", method: .get) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    // MARK: - serve

    /// A listening socket on a free loopback port, closed when released.
    final class Listener {
        let fd: Int32
        let port: Int

        init() {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            self.fd = fd
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
            listen(fd, 1)
            var bound = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &bound) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
            self.port = Int(UInt16(bigEndian: bound.sin_port))
        }

        deinit { close(fd) }
    }

    @Test func aBusyPortIsFoundWithTheProcessHoldingIt() throws {
        let listener = Listener()
        let result = PortCheck.check(host: "127.0.0.1", port: listener.port)
        guard case .busy(let holder) = result else { Issue.record("not busy: \(result)"); return }
        #expect(holder?.hasPrefix("process \(getpid()): ") == true)
        withExtendedLifetime(listener) {}
    }

    @Test func aFreePortIsFree() {
        let port = Listener().port  // released: free again
        #expect(PortCheck.check(host: "127.0.0.1", port: port) == .free)
    }

    @Test func serveReportsABusyPortBeforeBuildingWithTheFix() throws {
        let listener = Listener()
        let site = site()
        let result = try ClinicPressBinary.run(["serve", "--site", site.url.path, "--port", String(listener.port)])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("error: port \(listener.port) on 127.0.0.1 is already in use by process ") == true)
        #expect(lines.dropFirst().first?.hasPrefix("    hint: stop it, or preview on another port: clinicpress serve --port ") == true)
        #expect(!result.stderr.contains("Built"))
        #expect(!result.stderr.contains("errno"))
        withExtendedLifetime(listener) {}
    }

    @Test func busyMessageWithoutAKnownHolderNamesThePort() {
        #expect(PortCheck.busyMessage(host: "127.0.0.1", port: 8000, holder: nil, free: 8001)
                == "port 8000 on 127.0.0.1 is already in use\n    hint: stop it, or preview on another port: clinicpress serve --port 8001")
    }

    /// `serve --open` runs xdg-open with the address; without one on the PATH it says so.
    @Test(arguments: [true, false])
    func openHandsTheAddressToXdgOpen(installed: Bool) throws {
        let site = site()
        let bin = TemporaryDirectory()
        let record = bin.url.appendingPathComponent("opened.txt")
        if installed {
            bin.write("xdg-open", "#!/bin/sh\necho \"$1\" > '\(record.path)'\n")
            chmod(bin.url.appendingPathComponent("xdg-open").path, 0o755)
        }
        let port = Listener().port
        let process = Process()
        process.executableURL = ClinicPressBinary.url
        process.arguments = ["serve", "--site", site.url.path, "--port", String(port), "--open"]
        process.environment = ["PATH": installed ? bin.url.path + ":/bin:/usr/bin" : bin.url.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let ready = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        #expect(ready.hasPrefix("Previewing"))
        if installed {
            let deadline = Date().addingTimeInterval(10)
            while !FileManager.default.fileExists(atPath: record.path), Date() < deadline { usleep(20_000) }
            usleep(50_000)
            #expect((try? String(contentsOf: record, encoding: .utf8)) == "http://127.0.0.1:\(port)/\n")
        }
        process.terminate()
        process.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stderr.contains("note: --open needs xdg-open") == !installed)
    }
}

/// The small fixes of the review issue: front-matter dates, the `editor` setting, and help texts.
@Suite struct ReviewSmallFixesTests {
    @Test func aFrontMatterDateThatDisagreesWithTheFileNameIsAWarningAtItsLine() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML)
        site.write("Posts/2024-09-10-tms.md", "---\ntitle: \"TMS\"\ndate: 2024-09-12\n---\nBody.\n")
        site.write("Posts/2024-09-11-same.md", "---\ntitle: \"Same\"\ndate: 2024-09-11T09:30:00Z\n---\nBody.\n")
        let report = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now)).report
        #expect(report.warnings.map(\.description) == [
            "Posts/2024-09-10-tms.md:3:1: warning: `date: 2024-09-12` disagrees with the date 2024-09-10 in the file name; the front matter's date is used [front-matter]\n    hint: rename the file 2024-09-12-tms.md, or correct `date:` (or remove it, and the file name's date is used)",
        ])
    }

    @Test func anUnknownEditorIsAnErrorAtItsLineWithTheLikelyOne() throws {
        let site = TemporaryDirectory()
        site.write("site.yaml", "title: \"T\"\nbase_url: \"https://t.example/\"\neditor: vscod\n")
        site.write("Posts/2026-01-01-a.md", "---\ntitle: \"A\"\n---\nBody.\n")
        let error = try #require(throws: DiagnosticsError.self) { try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now)) }
        #expect(error.diagnostics.map(\.description) == [
            "site.yaml:3:9: error: unknown editor 'vscod' [site-config]\n    hint: did you mean `vscode`? the editors are: vscode, zed, idea, none",
        ])
    }

    /// Help is written as paragraphs that the argument parser wraps to the terminal: with a terminal wide enough for
    /// any sentence, no line of help may continue on the next (a line break written into a sentence).
    @Test(arguments: [
        [], ["build"], ["check"], ["serve"], ["init"], ["new"], ["intake"], ["comments"], ["comments", "list"], ["comments", "show"],
        ["comments", "approve"], ["comments", "reject"], ["comments", "spam"], ["comments", "import"], ["comments", "screen"], ["new", "post"],
    ])
    func helpTextsWrapNaturally(command: [String]) throws {
        let process = Process()
        process.executableURL = ClinicPressBinary.url
        process.arguments = command + ["--help"]
        process.environment = ["COLUMNS": "2000", "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("USAGE:"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var listing = false
        for (previous, line) in zip(lines, lines.dropFirst()) {
            // The subcommands are a list of names, one a line.
            if previous == "SUBCOMMANDS:" { listing = true }
            if line.isEmpty { listing = false }
            guard !listing, !previous.isEmpty, let first = line.first, let last = previous.last else { continue }
            // A sentence cut in two: the line before stops without punctuation and this one carries on in lower case.
            let cut = (last.isLetter || last.isNumber || last == ",") && (first.isLowercase || first == "(")
            #expect(!cut, "`clinicpress \(command.joined(separator: " ")) --help` breaks a sentence: \(previous) ⏎ \(line)")
        }
    }
}

/// Who holds a port, read from a /proc laid out as Linux lays it out.
@Suite struct PortHolderTests {
    @Test func theListeningSocketsProcessIsNamedWithItsCommandLine() throws {
        let proc = TemporaryDirectory()
        // Port 8000 (1F40): one socket in TIME_WAIT (06, inode 0) and one listening (0A) in tcp6, inode 4242.
        proc.write("net/tcp", """
          sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
           0: 0100007F:1F40 0100007F:9C40 06 00000000:00000000 03:00000A1B 00000000     0        0 0 3 0000000000000000
           1: 0100007F:0CEA 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 777 1 0000000000000000
        """)
        proc.write("net/tcp6", """
          sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
           0: 00000000000000000000000001000000:1F40 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0000000000000000
        """)
        proc.write("77/cmdline", "python3\u{0}-m\u{0}http.server\u{0}8000\u{0}")
        try FileManager.default.createDirectory(at: proc.url.appendingPathComponent("77/fd"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: proc.url.appendingPathComponent("77/fd/3").path, withDestinationPath: "socket:[4242]")
        proc.write("12/cmdline", "bash\u{0}")
        try FileManager.default.createDirectory(at: proc.url.appendingPathComponent("12/fd"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: proc.url.appendingPathComponent("12/fd/0").path, withDestinationPath: "socket:[777]")
        #expect(PortCheck.holder(ofPort: 8000, proc: proc.url.path) == "process 77: python3 -m http.server 8000")
        #expect(PortCheck.holder(ofPort: 3306, proc: proc.url.path) == "process 12: bash")
        #expect(PortCheck.holder(ofPort: 9000, proc: proc.url.path) == nil)
    }
}
