import ArgumentParser
import ClinicPressContent
import ClinicPressIntake
import ClinicPressModel
import ClinicPressPreview
import ClinicPressSite
import Foundation

struct IntakeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "Receive the comment form's submissions and write them as pending comment files.",
        discussion: """
        Each accepted comment becomes Posts/<post-file-stem>.comments/<id>.md with status pending and its screening flags, \
        written and flushed before the visitor is answered (a 303 back to the post, or JSON with Accept: \
        application/json). Submissions must come from the site's own pages (Origin of base_url), name a published post \
        by slug, and stay within the limits (body size, comments.max_length, a rate per address per minute); a refused \
        one gets a 4xx answer and writes nothing. Run it behind a reverse proxy for HTTPS. Stop with Ctrl-C or SIGTERM.
        Exit codes: 0 stopped; 2 could not start (bad site, port in use, --commit outside a git repository).
        """
    )

    @OptionGroup var siteOption: SiteOption

    @Option(help: "The address to listen on (loopback by default: put a reverse proxy with HTTPS in front).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8081

    @Flag(help: "git add and git commit each accepted comment in the site's repository.")
    var commit = false

    @Flag(help: "Accept submissions with neither Origin nor Referer (scripts, form services); browsers always send one.")
    var allowMissingOrigin = false

    @Flag(help: "Take the client's address from the last X-Forwarded-For entry (set by your reverse proxy) for the rate limit.")
    var behindProxy = false

    @Option(help: ArgumentHelp("Submissions one client address may make in a minute.", valueName: "n"))
    var rateLimit = 6

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard rateLimit >= 1 else { throw ValidationError("--rate-limit must be at least 1") }
    }

    func run() async throws {
        let site = siteOption.url
        let config: SiteConfig
        do {
            config = try SiteContent.loadConfig(from: site)
        } catch let error as DiagnosticsError {
            printError(DiagnosticReport(error.diagnostics, siteDirectory: site).formatted(.text))
            printError("error: fix site.yaml before starting intake")
            throw ExitCode(2)
        }
        var options = CommentIntake.Options()
        options.allowMissingOrigin = allowMissingOrigin
        options.behindProxy = behindProxy
        options.submissionsPerMinute = rateLimit
        options.commit = commit
        let intake: CommentIntake
        do {
            intake = try CommentIntake(siteDirectory: site, config: config, options: options, log: { printError(TerminalText.line($0)) })
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        for path in intake.removeStaleTemporaryFiles() {
            printError("removed \(TerminalText.line(path)), left by a writer that was stopped mid-write")
        }
        let posts = await intake.postCount()
        if config.comments.endpoint == nil {
            printError("warning: comments.endpoint is not set in site.yaml, so post pages have no comment form; set it to this service's public address")
        }
        if HostAllowList.isExposed(host) && !behindProxy {
            printError("note: listening on \(host); without a reverse proxy, submissions travel unencrypted (plain HTTP)")
        }
        let server = IntakeServer(intake: intake, host: host, port: port)
        let siteName = site.lastPathComponent
        do {
            try await server.run { address in
                // Written straight to the file descriptor so scripts waiting for the address see it at once.
                FileHandle.standardOutput.write(Data("Receiving comments for \(siteName) (\(posts) posts, from \(intake.siteOrigin)) at \(address)\(commit ? ", committing each" : ""). Ctrl-C to stop.\n".utf8))
            }
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}
