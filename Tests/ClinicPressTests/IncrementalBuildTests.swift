import ClinicPressContent
import ClinicPressModel
@testable import ClinicPressPreview
@testable import ClinicPressSite
import Foundation
import Testing

/// The incremental build's safety net: random sequences of every kind of edit an editor makes, each step followed by
/// the kept build's rebuild and by a build from scratch, which must give the same files, byte for byte, and the same
/// report — or both fail with the same diagnostics.
@Suite struct IncrementalBuildTests {
    /// Every kind of edit the sequences make; each sequence makes each kind several times.
    enum Edit: CaseIterable {
        /// The edits that change a post's text or comments and nothing other posts see, which a rebuild redoes in part:
        /// twice as many of them in each round (and three times as many series and date changes, which are subtle).
        static let local: [Edit] = [.bodySentence, .firstParagraph, .tags, .summary, .misspelledKey, .savedUnchanged, .commentWritten,
                                    .commentApproved, .commentDeleted, .cardShowsWordCount]

        case bodySentence, firstParagraph, title, date, slug, tags, series, draft, summary, misspelledKey, brokenFrontMatter, savedUnchanged
        case postAdded, postDeleted, commentWritten, commentApproved, commentDeleted
        case template, cardShowsWordCount, brokenTemplate, settings, references, timePasses
        case reviewed, staticPicture, staticClash, page
    }

    /// How the site is built: as the preview does (drafts and scheduled posts, pending comments, overlays), or as
    /// `clinicpress build` does.
    enum Mode: CaseIterable {
        case preview, publish
    }

    /// One post as the test writes it.
    struct PostModel {
        var title: String
        var date: String?
        var slug: String?
        var tags: [String]
        var paragraphs: [String]
        var series: (title: String, part: Int)?
        var draft = false
        var summary: String?
        var misspelled = false
        var broken = false
        var reviewedOn: String?
    }

    /// The site on disk, and what the test knows it wrote.
    final class EditedSite {
        let folder = TemporaryDirectory()
        var random: SeededGenerator
        var posts: [String: PostModel] = [:]
        var comments: [String: [String: String]] = [:]  // post name → comment id → status
        var changes = SiteChanges()
        var now = Timestamp(parsing: "2026-06-01T12:00:00Z")!
        var siteTitle = "Test Blog"
        var postsPerPage = 2
        var referenceTitle: String? = "Ketamine trial"
        var footer = "<footer>{{site.title}}</footer>"
        var cardShowsWordCount = false
        var lastEdited: String?
        /// The size of static/assets/room.png, which posts may show; nil when there is no such file.
        var picture: (width: UInt32, height: UInt32)?
        /// Whether static/feed.xml is there, where the build writes the feed: an error.
        var staticClash = false
        /// The paragraphs of Pages/about.md (with a table of contents); nil when there is no such page.
        var page: [String]? = ["## Who we are", "A small clinic."]

        static let days = ["a": "2026-01-01", "b": "2026-01-02", "c": "2026-01-03", "d": "2026-01-04", "e": "2026-01-05"]
        static let sentences = [
            "Nine in ten patients feel better in a week.", "Call us to book a visit.", "See [part two](post:b).",
            "See [the first post](2026-01-01-a.md).", "See [a missing page](missing.md).", "Studies show it works for everyone.",
            "In the next part we cover costs.", "As the review explains [@smith2024].", "Read about [TMS](tag:tms).",
            "Кетамин и депрессия.", "![The infusion room](/assets/room.png)", "Most patients improve within hours.[^1]\n\n[^1]: Smith J, Trial, 2024, https://pubmed.ncbi.nlm.nih.gov/1/",
        ]
        static let pageParagraphs = [
            "## Our room", "### Parking", "See [the first post](../Posts/2026-01-01-a.md).", "Read [part two](post:b).", "See [a missing page](missing.md).",
            "![The infusion room](/assets/room.png)", "https://www.youtube.com/watch?v=abcdefghijk", "<iframe src=\"https://example.com/\"></iframe>",
        ]
        static let tagChoices = ["ketamine", "tms", "IV therapy", "iv-therapy", "Ketamine"]

        init(seed: UInt64) {
            random = SeededGenerator(seed: seed)
            posts["a"] = PostModel(title: "Ketamine basics, Part 1", tags: ["ketamine"],
                                   paragraphs: ["What a first visit looks like.", "A recent trial found that 6 in 10 patients improved."])
            posts["b"] = PostModel(title: "Ketamine basics, Part 2", tags: ["ketamine"], paragraphs: ["The second part.", "In part one we met."])
            posts["c"] = PostModel(title: "TMS", tags: ["tms"], paragraphs: ["Plain words."])
            writeSettings()
            writeReferences()
            writeTemplates()
            for name in posts.keys.sorted() { writePost(name) }
            writeComment("b", id: "2026-01-03-x", status: "approved")
            picture = (4, 3)
            writeStatic()
            writePage()
            changes = SiteChanges()
        }

        func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
        func pick<T>(_ choices: [T]) -> T { choices[int(0...(choices.count - 1))] }
        func chance(_ one: Int, in total: Int) -> Bool { int(1...total) <= one }

        func path(_ name: String) -> String { "Posts/\(Self.days[name]!)-\(name).md" }
        func commentFolder(_ name: String) -> String { "Posts/\(Self.days[name]!)-\(name).comments" }

        /// Writes (or deletes, with nil) a file, recording the change as the file watcher would report it.
        func write(_ relativePath: String, _ text: String?) {
            if let text {
                folder.write(relativePath, text)
            } else {
                try? FileManager.default.removeItem(at: folder.url.appendingPathComponent(relativePath))
            }
            if let change = SiteChange(path: relativePath) { changes.insert(change) }
        }

        func writePost(_ name: String) {
            guard let post = posts[name] else { return write(path(name), nil) }
            if post.broken { return write(path(name), "---\ntitle: [unclosed\n---\n\(post.paragraphs.joined(separator: "\n\n"))\n") }
            var lines = ["---", "title: \"\(post.title)\""]
            if let date = post.date { lines.append("date: \(date)") }
            if let slug = post.slug { lines.append("slug: \(slug)") }
            // Two tags or more as a block list, so that changing the tags moves the lines of the keys below.
            if post.tags.count < 2 {
                lines.append("tags: [\(post.tags.map { "\"\($0)\"" }.joined(separator: ", "))]")
            } else {
                lines += ["tags:"] + post.tags.map { "  - \"\($0)\"" }
            }
            if let series = post.series { lines += ["series: \"\(series.title)\"", "part: \(series.part)"] }
            if post.draft { lines.append("draft: true") }
            if let summary = post.summary { lines.append("summary: \"\(summary)\"") }
            if let day = post.reviewedOn { lines += ["reviewed_on: \(day)", "reviewed_by: \"Dr. Lee\""] }
            if post.misspelled { lines.append("titel: \"typo\"") }
            lines.append("---")
            write(path(name), (lines + post.paragraphs.flatMap { [$0, ""] }).joined(separator: "\n"))
        }

        func writeComment(_ name: String, id: String, status: String) {
            comments[name, default: [:]][id] = status
            let key = chance(1, in: 4) ? "emial: \"sam@example.com\"\n" : ""
            write("\(commentFolder(name))/\(id).md", "---\nauthor: \"Sam\"\ndate: 2026-02-01\nstatus: \(status)\n\(key)---\nComment \(id): helpful.\n")
        }

        func writeSettings() {
            write("site.yaml", "title: \"\(siteTitle)\"\nbase_url: \"https://test.example/\"\nposts_per_page: \(postsPerPage)\nreview_every: 3 months\n")
        }

        /// A PNG's signature and header, enough for the build to read its size.
        func writeStatic() {
            let png = picture.map { size in
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
                    + withUnsafeBytes(of: size.width.bigEndian, Array.init) + withUnsafeBytes(of: size.height.bigEndian, Array.init) + [8, 6, 0, 0, 0]
            }
            writeBytes("static/assets/room.png", png)
            writeBytes("static/feed.xml", staticClash ? Array("<feed/>\n".utf8) : nil)
        }

        func writeBytes(_ relativePath: String, _ bytes: [UInt8]?) {
            let url = folder.url.appendingPathComponent(relativePath)
            if let bytes {
                try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try! Data(bytes).write(to: url)
            } else {
                try? FileManager.default.removeItem(at: url)
            }
            if let change = SiteChange(path: relativePath) { changes.insert(change) }
        }

        func writePage() {
            write("Pages/about.md", page.map { "---\ntitle: \"About\"\ntoc: true\n---\n" + $0.joined(separator: "\n\n") + "\n" })
        }

        func writeReferences() {
            write("references.yaml", referenceTitle.map {
                "smith2024:\n  title: \"\($0)\"\n  author: \"Smith J\"\n  year: 2024\n  url: \"https://pubmed.ncbi.nlm.nih.gov/1/\"\n"
            } ?? "{}\n")
        }

        func writeTemplates() {
            write("Templates/partials/footer.mustache", footer + "\n")
            let wordCount = cardShowsWordCount ? " · {{word_count}} words" : ""
            // The built-in post page, its links to the newer and older posts showing what lists show of them.
            let neighbour = " · {{summary}} · {{reading_minutes}} min · {{comment_count}}{{#tags}} {{name}}{{/tags}}\(wordCount)</a>"
            let post = try! String(contentsOf: Fixtures.repository.appendingPathComponent("Templates/post.mustache"), encoding: .utf8)
                .replacingOccurrences(of: "{{title}}</a>{{/newer}}", with: "{{title}}" + neighbour + "{{/newer}}")
                .replacingOccurrences(of: "{{title}}</a>{{/older}}", with: "{{title}}" + neighbour + "{{/older}}")
            write("Templates/post.mustache", post)
            write("Templates/partials/post-card.mustache",
                  "<article class=\"card\"><h2><a href=\"{{url}}\">{{title}}</a></h2><p>{{reading_minutes}} min{{#has_comments}} · {{comment_count}}{{/has_comments}}\(wordCount)</p><p>{{summary}}</p></article>\n")
        }

        /// Fixes what makes the site fail, as an editor does after seeing the error page: links (which may point at a
        /// post deleted or made a draft), series parts, comment statuses, comments of deleted posts, the reference
        /// list; then writes every post, template and setting whole again.
        func repair() {
            var titles: Set<String> = []
            var parts = 0
            for name in posts.keys.sorted() {
                posts[name]!.paragraphs = posts[name]!.paragraphs.filter { !$0.contains("](") || $0.contains("](tag:") }
                if posts[name]!.series != nil {
                    parts += 1
                    posts[name]!.series = ("Care guide", parts)
                }
                posts[name]!.slug = nil
                if !titles.insert(posts[name]!.title).inserted { posts[name]!.title = "Post \(name)" }
                titles.insert(posts[name]!.title)
                writePost(name)
            }
            for post in comments.keys.sorted() {
                if posts[post] == nil {
                    for id in comments[post]!.keys { write("\(commentFolder(post))/\(id).md", nil) }
                    write(commentFolder(post), nil)
                    comments[post] = nil
                } else {
                    for (id, status) in comments[post]! where status == "maybe" { writeComment(post, id: id, status: "pending") }
                }
            }
            referenceTitle = "Ketamine trial"
            writeReferences()
            writeTemplates()
            // A picture posts show is put back; the file where the feed goes is taken away.
            picture = picture ?? (4, 3)
            staticClash = false
            writeStatic()
            page = page?.filter { !$0.contains("](") || $0.hasPrefix("![") }
            writePage()
        }

        /// Makes one edit of `kind`, on a random post where it needs one.
        func make(_ kind: Edit) {
            let names = posts.keys.sorted()
            // An editor works on one post for a while: mostly the post edited last.
            let name = lastEdited.flatMap { posts[$0] == nil || chance(2, in: 5) ? nil : $0 } ?? pick(names)
            lastEdited = name
            switch kind {
            case .bodySentence:
                posts[name]!.paragraphs.append(pick(Self.sentences))
                writePost(name)
            case .firstParagraph:
                posts[name]!.paragraphs[0] = pick(["A new opening.", "What to expect on the day.", "Plain words.", Self.sentences[0]])
                writePost(name)
            case .title:
                posts[name]!.title = pick(["Ketamine basics, Part 1", "Ketamine basics, Part 2", "Ketamine basics, Part 3", "TMS", "TMS, explained",
                                           "Ketamine basics", posts[name]!.title + " (updated)"])
                writePost(name)
            case .date:
                // Mostly from one written date to another, which moves the post without moving a line.
                let dates = ["2026-01-20", "2026-05-30", "2026-06-03", "2026-06-20", "2025-12-31"].filter { $0 != posts[name]!.date }
                posts[name]!.date = posts[name]!.date != nil && chance(1, in: 4) ? nil : pick(dates)
                writePost(name)
            case .slug:
                posts[name]!.slug = pick([nil, "custom-\(name)", "b"])
                writePost(name)
            case .tags:
                posts[name]!.tags = Array(Self.tagChoices.shuffled(using: &random).prefix(int(0...3)))
                writePost(name)
            case .series:
                // Mostly another part of the same series: the lines stay, the series changes.
                if let series = posts[name]!.series, !chance(1, in: 4) {
                    posts[name]!.series = chance(2, in: 3) ? (series.title, series.part % 3 + 1) : (series.title == "Care guide" ? "Care Guide!" : "Care guide", series.part)
                } else {
                    posts[name]!.series = posts[name]!.series == nil ? (pick(["Care guide", "Care Guide!"]), int(1...3)) : nil
                }
                writePost(name)
            case .draft:
                posts[name]!.draft.toggle()
                writePost(name)
            case .summary:
                posts[name]!.summary = posts[name]!.summary == nil ? pick(["A short summary.", "Another summary."]) : nil
                writePost(name)
            case .misspelledKey:
                posts[name]!.misspelled.toggle()
                writePost(name)
            case .brokenFrontMatter:
                // Broken until another edit of this post writes it whole again.
                posts[name]!.broken = true
                writePost(name)
                posts[name]!.broken = false
            case .savedUnchanged:
                writePost(name)
            case .postAdded:
                let missing = Self.days.keys.sorted().filter { posts[$0] == nil }
                guard !missing.isEmpty else { return make(.postDeleted) }
                let new = pick(missing)
                posts[new] = PostModel(title: pick(["New", "Ketamine basics, Part 3"]), tags: [pick(Self.tagChoices)],
                                       paragraphs: ["A new post.", pick(Self.sentences)])
                writePost(new)
            case .postDeleted:
                guard names.count > 1 else { return make(.postAdded) }
                posts[name] = nil
                writePost(name)
                // Its comments usually go with it; left behind, they belong to no post (an error until it is back).
                if chance(3, in: 4), let ids = comments.removeValue(forKey: name) {
                    for id in ids.keys { write("\(commentFolder(name))/\(id).md", nil) }
                    write(commentFolder(name), nil)
                }
            case .commentWritten:
                writeComment(name, id: "2026-02-0\(int(1...3))-c", status: pick(["approved", "pending", "rejected", "spam", "approved", "maybe"]))
            case .commentApproved:
                let commented = comments.keys.sorted().filter { !comments[$0]!.isEmpty && posts[$0] != nil }
                guard !commented.isEmpty else { return make(.commentWritten) }
                let post = pick(commented)
                writeComment(post, id: pick(comments[post]!.keys.sorted()), status: "approved")
            case .commentDeleted:
                let commented = comments.keys.sorted().filter { !comments[$0]!.isEmpty }
                guard !commented.isEmpty else { return make(.commentWritten) }
                let post = pick(commented)
                let id = pick(comments[post]!.keys.sorted())
                comments[post]![id] = nil
                write("\(commentFolder(post))/\(id).md", nil)
                // The last comment of a deleted post takes its folder with it.
                if comments[post]!.isEmpty, posts[post] == nil {
                    comments[post] = nil
                    write(commentFolder(post), nil)
                }
            case .template:
                footer = pick(["<footer>{{site.title}}</footer>", "<footer>© {{site.copyright_year}}</footer>", "<footer>Step</footer>"])
                writeTemplates()
            case .cardShowsWordCount:
                cardShowsWordCount.toggle()
                writeTemplates()
            case .brokenTemplate:
                footer = "<footer>{{#site.title}}</footer>"
                writeTemplates()
                footer = "<footer>{{site.title}}</footer>"
            case .settings:
                if chance(1, in: 2) { siteTitle = pick(["Test Blog", "Clinic Notes", "Test Blog 2"]) } else { postsPerPage = pick([1, 2, 10]) }
                writeSettings()
            case .references:
                referenceTitle = pick([nil, "Ketamine trial", "Ketamine trial, updated"])
                writeReferences()
            case .timePasses:
                now = Timestamp(secondsSinceEpoch: now.secondsSinceEpoch + int(0...10) * 86_400)
            case .reviewed:
                posts[name]!.reviewedOn = pick([nil, "2026-05-20", "2025-12-01", "2026-03-05"])
                writePost(name)
            case .staticPicture:
                picture = pick([nil, (4, 3), (640, 480)])
                writeStatic()
            case .staticClash:
                staticClash.toggle()
                writeStatic()
            case .page:
                // Mostly a paragraph added to the page (a heading, a link that may lead nowhere, a picture, a video);
                // sometimes the page deleted, or written anew.
                if page != nil, chance(1, in: 5) { page = nil } else { page = (page ?? ["A new page."]) + [pick(Self.pageParagraphs)] }
                writePage()
            }
        }
    }

    /// A build of the site, to compare: the files, or the diagnostics of a failure.
    enum Outcome: Equatable {
        /// Every file by path, and the paths in the order the build gave them.
        case built(files: [String: [UInt8]], order: [String], report: ReportSummary)
        case failed([Diagnostic])
    }

    /// What two builds of the same input must agree on in their reports (not their timings or their work).
    struct ReportSummary: Equatable {
        var posts, pages, files, skippedDrafts, skippedScheduled: Int
        var warnings: [Diagnostic]
        var findingsByFile: [String: [Diagnostic]]
        var claims: [Int]
        var postPaths: [String: String]

        init(_ report: BuildReport) {
            (posts, pages, files, skippedDrafts, skippedScheduled) = (report.posts, report.pages, report.files, report.skippedDrafts, report.skippedScheduled)
            warnings = report.warnings
            findingsByFile = report.findingsByFile
            claims = [report.claims.claims, report.claims.cited, report.claims.suppressed, report.claims.errors, report.claims.warnings]
            postPaths = report.postPaths
        }
    }

    static func outcome(_ files: [OutputFile], _ report: BuildReport) -> Outcome {
        .built(files: Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first }), order: files.map(\.path),
               report: ReportSummary(report))
    }

    /// A kept build of the site in `mode`; each call builds what `changes` call for.
    struct Builder {
        let preview: PreviewBuilder?
        let publish: IncrementalBuild?

        init(_ mode: Mode, site: URL) {
            switch mode {
            case .preview:
                preview = PreviewBuilder(siteDirectory: site, baseURL: "http://127.0.0.1:8000/")
                publish = nil
            case .publish:
                preview = nil
                publish = IncrementalBuild(BuildOptions(siteDirectory: site))
            }
        }

        /// The build's outcome, and the files it said it made again.
        func build(_ changes: SiteChanges, now: Timestamp) -> (Outcome, changedFiles: [String]?) {
            if let preview {
                switch preview.build(generation: "g", changes: changes, now: now) {
                case .built(let files, let report): return (IncrementalBuildTests.outcome(files, report), report.changedFiles)
                case .failed(_, let diagnostics): return (.failed(diagnostics), nil)
                }
            }
            do {
                let (files, report) = try publish!.build(changes, now: now)
                return (IncrementalBuildTests.outcome(files, report), report.changedFiles)
            } catch let error as DiagnosticsError {
                return (.failed(error.diagnostics), nil)
            } catch {
                return (.failed([.error("\(error)", at: SourceLocation(file: "?"), rule: "io")]), nil)
            }
        }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64], Mode.allCases)
    func randomEditSequencesGiveTheSameSiteAsAFreshBuild(seed: UInt64, mode: Mode) throws {
        let site = EditedSite(seed: seed)
        let builder = Builder(mode, site: site.folder.url)
        _ = builder.build(.everything, now: site.now)
        var deck: [Edit] = []
        var (built, failed, partial) = (0, 0, 0)
        var errors: Set<String> = []
        var lastFailed = false
        for step in 0..<60 {
            // One to three edits between two builds, as a burst of saves (or a `git checkout`) makes; after a failure,
            // the editor's repair too.
            if lastFailed { site.repair() }
            var made: [Edit] = []
            for _ in 0..<site.pick([1, 1, 1, 2, 2, 3]) {
                if deck.isEmpty { deck = (Edit.allCases + Edit.local + [.series, .series, .date]).shuffled(using: &site.random) }
                made.append(deck.removeLast())
                site.make(made[made.count - 1])
            }
            let (incremental, changedFiles) = builder.build(site.changes, now: site.now)
            site.changes = SiteChanges()
            let (fresh, _) = Builder(mode, site: site.folder.url).build(.everything, now: site.now)
            switch (incremental, fresh) {
            case (.failed(let a), .failed(let b)):
                failed += 1
                lastFailed = true
                errors.formUnion(a.filter { $0.severity == .error }.map { "\($0.rule): \($0.message)" })
                #expect(a == b, "step \(step) after \(made): the rebuild and a fresh build fail differently")
            case (.built(let a, let orderA, let reportA), .built(let b, let orderB, let reportB)):
                built += 1
                lastFailed = false
                if changedFiles != nil { partial += 1 }
                #expect(orderA == orderB, "step \(step) after \(made): not the same files in the same order")
                for (path, contents) in b where a[path] != contents {
                    Issue.record("step \(step) after \(made): \(path) differs from a fresh build")
                }
                #expect(reportA == reportB, "step \(step) after \(made): the reports differ")
            default:
                Issue.record("step \(step) after \(made): one build failed and the other did not")
            }
        }
        // The sequence went through each way of building: every page, some pages, and failures.
        #expect(built > 25 && partial > 10 && failed > 0, "built \(built), of which \(partial) in part; failed \(failed): \(errors.sorted())")
    }

    /// A failed rebuild keeps the last successful build: fixing the error rebuilds only what changed since then.
    @Test func aFailedBuildKeepsTheLastSuccessfulOne() throws {
        let site = EditedSite(seed: 9)
        let build = IncrementalBuild(BuildOptions(siteDirectory: site.folder.url))
        _ = try build.build(.everything, now: site.now)
        site.posts["c"]!.paragraphs.append("See [a missing page](missing.md).")
        site.writePost("c")
        #expect(throws: DiagnosticsError.self) { try build.build(site.changes, now: site.now) }
        site.changes = SiteChanges()
        site.posts["c"]!.paragraphs[1] = "See [the first post](2026-01-01-a.md)."
        site.writePost("c")
        let (_, report) = try build.build(site.changes, now: site.now)
        #expect(report.postsBuilt == 1)
        #expect(report.changedFiles == ["feed.xml", "posts/c/index.html", "rss.xml", "tags/tms/feed.xml"])
    }

    /// A topic's feed shows its 20 newest posts: editing an older post leaves the feed alone, editing one of the newest
    /// or taking it out of the topic (an older post then comes in) writes the feed again; each result is a fresh build's.
    @Test func aTopicFeedIsWrittenAgainOnlyWhenItShowsTheEditedPost() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML)
        func write(_ number: Int, tags: String = "[TMS]", body: String = "Body.") {
            site.write(String(format: "Posts/2026-01-%02d-p%d.md", number, number), "---\ntitle: \"P\(number)\"\ntags: \(tags)\n---\n\(body)\n")
        }
        for number in 1...22 { write(number) }
        let options = BuildOptions(siteDirectory: site.url, now: Fixtures.now)
        let build = IncrementalBuild(options)
        _ = try build.build(.everything)
        func rebuild(_ number: Int) throws -> [String] {
            let (files, report) = try build.build(SiteChanges([SiteChange(path: String(format: "Posts/2026-01-%02d-p%d.md", number, number))!]))
            let fresh = try SiteBuilder.render(options).files
            #expect(files.map(\.path) == fresh.map(\.path))
            #expect(zip(files, fresh).allSatisfy { $0.contents == $1.contents })
            return report.changedFiles ?? []
        }
        write(1, body: "Body, longer now.")  // the oldest post: not among the feed's 20
        let oldest = try rebuild(1)
        #expect(oldest.contains("posts/p1/index.html") && !oldest.contains("tags/tms/feed.xml") && !oldest.contains("feed.xml"), "\(oldest)")
        write(22, body: "Body, longer now.")  // the newest
        let newest = try rebuild(22)
        #expect(newest.contains("tags/tms/feed.xml"), "\(newest)")
        write(22, tags: "[Sleep]")  // out of the topic: the 21st newest comes into its feed
        let moved = try rebuild(22)
        #expect(moved.contains("tags/tms/feed.xml"), "\(moved)")
    }

    /// Settings reach every post's stages: every post is built again, from the files already read.
    @Test func aSettingsChangeBuildsEveryPostWithoutReadingThem() throws {
        let site = EditedSite(seed: 10)
        let build = IncrementalBuild(BuildOptions(siteDirectory: site.folder.url))
        _ = try build.build(.everything, now: site.now)
        site.siteTitle = "Clinic Notes"
        site.writeSettings()
        let (_, report) = try build.build(site.changes, now: site.now)
        #expect(report.filesRead == 0)
        #expect(report.postsBuilt == report.posts)
        #expect(report.changedFiles == nil)
    }

    /// A post that becomes due is published by the next build, whatever changed.
    @Test func aScheduledPostIsPublishedWhenItBecomesDue() throws {
        let site = EditedSite(seed: 11)
        site.posts["c"]!.date = "2026-06-03"
        site.writePost("c")
        let build = IncrementalBuild(BuildOptions(siteDirectory: site.folder.url))
        #expect(try build.build(.everything, now: site.now).report.posts == 2)
        let (files, report) = try build.build(SiteChanges(), now: Timestamp(parsing: "2026-06-04T00:00:00Z")!)
        #expect(report.posts == 3)
        #expect(files.contains { $0.path == "posts/c/index.html" })
    }
}
