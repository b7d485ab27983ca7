import ArgumentParser
import ClinicPressPreview
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site locally with live reload, drafts, claim highlights and the pending comments.",
        discussion: """
        The site is built into memory (Public/ is never touched) with drafts and scheduled posts, marked. Saving a \
        post, comment, template, asset or site.yaml rebuilds and reloads the open pages; a file with an error shows \
        its diagnostics in the browser until it is fixed. Stop with Ctrl-C. \
        A port already in use is reported before the build, with the process holding it when this user can see it \
        (exit 2). Post pages list their findings in a review panel beside the text (j and k step through them); \
        /_review lists every post with its findings, and /_moderation the pending comments.
        """
    )

    @OptionGroup var siteOption: SiteOption

    @Option(help: "The address to listen on (loopback by default, so only this computer can see drafts; any other address is warned about).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8000

    @Flag(help: "Open the preview in the default browser (with xdg-open; a note says so when there is none).")
    var open = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() async throws {
        let site = siteOption.url
        guard FileManager.default.fileExists(atPath: site.appendingPathComponent("site.yaml").path) else {
            printError("error: no site.yaml in \(site.path); pass the site folder with --site DIR")
            throw ExitCode(2)
        }
        if HostAllowList.isExposed(host) {
            printError("""
            warning: --host \(host) makes the preview reachable from other computers on the network, with its drafts, \
            scheduled posts and pending comments (names, emails and all). Use it only on a network you trust, and stop \
            it when you are done; the default, 127.0.0.1, keeps the preview on this computer.
            """)
        }
        let server = PreviewServer(siteDirectory: site, host: host, port: port)
        let shouldOpen = open
        do {
            try await server.run(log: { printError($0) }, onReady: { url in
                // Written straight to the file descriptor so scripts waiting for the URL see it at once.
                FileHandle.standardOutput.write(Data("Previewing \(site.lastPathComponent) at \(url) — drafts included, Public/ untouched. Ctrl-C to stop.\n".utf8))
                if shouldOpen, let note = BrowserOpener.open(url) { printError(note) }
            })
        } catch let error as ServeError {
            printError("error: \(error)")
            throw ExitCode(2)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}

/// `--open`: hands the URL to xdg-open, the desktop's way to open the default browser.
enum BrowserOpener {
    /// Opens `url`; a note to print when it cannot (no xdg-open on the PATH, or it failed to start), else nil.
    static func open(_ url: String, path: String = ProcessInfo.processInfo.environment["PATH"] ?? "") -> String? {
        guard let opener = executable(named: "xdg-open", path: path) else {
            return "note: --open needs xdg-open, which is not installed here; open \(url) in a browser"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            return nil
        } catch {
            return "note: --open could not start \(opener) (\(error)); open \(url) in a browser"
        }
    }

    /// The first executable file called `name` in the folders of `path`.
    static func executable(named name: String, path: String) -> String? {
        path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
