import ArgumentParser
import ClinicPressModel
import ClinicPressSite
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create new content.",
        subcommands: [NewPostCommand.self]
    )
}

struct NewPostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post",
        abstract: "Write Posts/<today>-<slug>.md with its front matter filled in, as a draft."
    )

    @OptionGroup var siteOption: SiteOption

    @Argument(help: "The post's title.")
    var title: String

    @Option(help: "The series the post belongs to.")
    var series: String?

    @Option(help: "The post's part number in the series.")
    var part: Int?

    @Option(help: "The author.")
    var author: String?

    func validate() throws {
        if let part, part < 1 { throw ValidationError("--part must be 1 or more") }
        if part != nil && series == nil { throw ValidationError("--part needs --series") }
    }

    func run() throws {
        do {
            let path = try Scaffold.newPost(in: siteOption.url, title: title, series: series, part: part, author: author, today: .now)
            print("Created \(path) (a draft: remove `draft: true` to publish it)")
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}
