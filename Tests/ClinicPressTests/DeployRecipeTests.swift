import ClinicPressSite
import Foundation
import Testing
import Yams

/// The deploy templates: the GitHub Actions workflow `init` writes, and the rsync and S3 recipes of docs/deploy.md
/// (scripts/deploy-rsync.sh, scripts/deploy-s3.sh), run as far as this machine allows.
@Suite struct DeployRecipeTests {
    static func onPath(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
        }
    }

    /// Runs `command` with `arguments`, in `directory`, with `environment` added.
    static func run(_ command: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> CommandResult {
        try runProcess(URL(fileURLWithPath: command), arguments, in: directory, environment: environment)
    }

    /// A new site from `init`, and its workflow file as a YAML tree.
    func initialisedWorkflow() throws -> (site: TemporaryDirectory, url: URL, workflow: Node) {
        let parent = TemporaryDirectory()
        let site = parent.url.appendingPathComponent("clinic")
        let created = try ClinicPressBinary.run(["init", site.path, "--title", "Clinic Blog", "--base-url", "blog.clinic.test"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains(".github/workflows/clinicpress.yml"))
        let url = site.appendingPathComponent(".github/workflows/clinicpress.yml")
        let workflow = try #require(try Yams.compose(yaml: String(contentsOf: url, encoding: .utf8)))
        return (parent, url, workflow)
    }

    /// The steps of `job`, each as a mapping.
    func steps(_ workflow: Node, _ job: String) -> [Node] {
        workflow["jobs"]?[job]?["steps"]?.sequence.map(Array.init) ?? []
    }

    @Test func initWritesAGitHubPagesWorkflowWithTheRequiredKeys() throws {
        let (_, _, workflow) = try initialisedWorkflow()
        // `on` read as the key it is (YAML 1.1 would read a bare `on` as true).
        let triggers = try #require(workflow.mapping?.first { $0.key.string == "on" }?.value)
        #expect(triggers["push"]?["branches"]?.sequence?.map(\.string) == ["main"])
        #expect(triggers["pull_request"] != nil)
        #expect(workflow["env"]?["CLINICPRESS_VERSION"]?.string == ClinicPressVersion.current)
        #expect(workflow["permissions"]?["contents"]?.string == "read")

        // Pull requests: the check, as annotations.
        #expect(workflow["jobs"]?["check"]?["if"]?.string == "github.event_name == 'pull_request'")
        let check = steps(workflow, "check")
        #expect(check.contains { $0["run"]?.string == "clinicpress check --format github" })
        // Every job that runs clinicpress downloads it and checks its checksum first.
        for job in ["check", "build"] {
            let install = try #require(steps(workflow, job).first { $0["name"]?.string == "Install clinicpress" }?["run"]?.string)
            #expect(install.contains("sha256sum -c"))
            #expect(install.contains("clinicpress-$CLINICPRESS_VERSION-linux-x86_64.tar.gz"))
        }

        // Pushes: build with the release binary under the Pages address, then deploy-pages.
        let build = steps(workflow, "build")
        #expect(build.first?["uses"]?.string == "actions/checkout@v4")
        #expect(build.contains { $0["uses"]?.string == "actions/configure-pages@v5" })
        let command = try #require(build.first { $0["name"]?.string == "Build" }?["run"]?.string)
        #expect(command.hasPrefix("clinicpress build --quiet --fail-on error --report "))
        #expect(command.contains("--base-url \"${{ steps.pages.outputs.base_url }}/\""))
        let upload = try #require(build.first { $0["uses"]?.string == "actions/upload-pages-artifact@v3" })
        #expect(upload["with"]?["path"]?.string == "Public")
        let deploy = try #require(workflow["jobs"]?["deploy"])
        #expect(deploy["needs"]?.string == "build")
        #expect(deploy["permissions"]?["pages"]?.string == "write")
        #expect(deploy["permissions"]?["id-token"]?.string == "write")
        #expect(deploy["environment"]?["name"]?.string == "github-pages")
        #expect(steps(workflow, "deploy").map { $0["uses"]?.string } == ["actions/deploy-pages@v4"])
    }

    /// GitHub's own workflow schema, as check-jsonschema ships it (pip install check-jsonschema; validation is offline).
    @Test(.enabled(if: onPath("check-jsonschema"), "check-jsonschema is not installed (pip install check-jsonschema): the schema check is skipped"))
    func theWorkflowPassesGitHubsWorkflowSchema() throws {
        let (site, url, _) = try initialisedWorkflow()
        defer { withExtendedLifetime(site) {} }
        let tool = try #require((ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map { "\($0)/check-jsonschema" }.first { FileManager.default.isExecutableFile(atPath: $0) })
        let result = try Self.run(tool, ["--builtin-schema", "vendor.github-workflows", url.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    /// The rsync recipe, on this machine into a temporary folder: the first deploy copies the site, a second one after
    /// a post was removed deletes its page and sends only what changed.
    @Test(.enabled(if: onPath("rsync"), "rsync is not installed (apt-get install rsync): the rsync recipe is not run"))
    func theRsyncRecipeDeploysAndPrunes() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        -- Posts/2026-01-01-hello.md --
        ---
        title: "Hello"
        ---
        First post.
        -- Posts/2026-01-02-later.md --
        ---
        title: "Later"
        ---
        Second post.
        """)
        let server = TemporaryDirectory()
        let destination = server.url.appendingPathComponent("www")
        let script = Fixtures.repository.appendingPathComponent("scripts/deploy-rsync.sh").path
        let output = site.url.appendingPathComponent("Public")
        #expect(try ClinicPressBinary.run(["build", "--site", site.url.path, "--quiet"]).status == 0)
        let first = try Self.run(script, [output.path, destination.path])
        #expect(first.status == 0, "\(first.stderr)")
        var built = filesBelow(output)
        built[".clinicpress-output"] = nil
        #expect(filesBelow(destination) == built)

        try FileManager.default.removeItem(at: site.url.appendingPathComponent("Posts/2026-01-02-later.md"))
        #expect(try ClinicPressBinary.run(["build", "--site", site.url.path, "--quiet"]).status == 0)
        let second = try Self.run(script, [output.path, destination.path])
        #expect(second.status == 0, "\(second.stderr)")
        built = filesBelow(output)
        built[".clinicpress-output"] = nil
        #expect(filesBelow(destination) == built)
        #expect(!FileManager.default.fileExists(atPath: destination.appendingPathComponent("posts/later").path))

        // A folder ClinicPress did not build is refused.
        let stranger = TemporaryDirectory()
        let refused = try Self.run(script, [stranger.url.path, destination.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is not a folder ClinicPress built"))
    }

    /// The S3 recipe with a stand-in `aws` that records its arguments (no bucket here): assets first with a day's cache,
    /// then pages with five minutes, the deletions last, then the CloudFront invalidation.
    @Test func theS3RecipeUploadsAssetsThenPagesThenDeletesAndInvalidates() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + "\n-- Posts/2026-01-01-hello.md --\n---\ntitle: \"Hello\"\n---\nFirst post.\n")
        #expect(try ClinicPressBinary.run(["build", "--site", site.url.path, "--quiet"]).status == 0)
        let bin = TemporaryDirectory()
        let log = bin.url.appendingPathComponent("calls.txt")
        bin.write("aws", "#!/bin/sh\nprintf '%s\\n' \"$*\" >> \"\(log.path)\"\n")
        _ = chmod(bin.url.appendingPathComponent("aws").path, 0o755)
        let result = try Self.run(Fixtures.repository.appendingPathComponent("scripts/deploy-s3.sh").path, [site.url.appendingPathComponent("Public").path],
                                  environment: ["BUCKET": "s3://clinic-blog", "DISTRIBUTION": "E2EXAMPLE",
                                                "PATH": bin.url.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")])
        #expect(result.status == 0, "\(result.stderr)")
        let output = site.url.appendingPathComponent("Public").path + "/"
        #expect(try String(contentsOf: log, encoding: .utf8) == """
        s3 sync \(output) s3://clinic-blog --exclude .clinicpress-output --exclude *.html --exclude *.xml --exclude *.txt --cache-control public, max-age=86400
        s3 sync \(output) s3://clinic-blog --exclude * --include *.html --include *.xml --include *.txt --cache-control public, max-age=300, must-revalidate
        s3 sync \(output) s3://clinic-blog --delete --exclude .clinicpress-output --size-only
        cloudfront create-invalidation --distribution-id E2EXAMPLE --paths /*

        """)
    }
}
