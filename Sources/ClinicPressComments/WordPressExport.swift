import ClinicPressContent
import ClinicPressModel
import Foundation
import FoundationXML

/// WordPress's export (Tools → Export: a WXR file, RSS 2.0 with `wp:` elements), read with Foundation's `XMLParser`
/// (libxml2 on Linux). Each `<item>` is a post or page, named by `<wp:post_name>` (its slug) and `<link>`; its
/// `<wp:comment>` children are the comments, with `wp:comment_id`, `wp:comment_author`, `wp:comment_author_email`,
/// `wp:comment_date_gmt` (or `wp:comment_date`), `wp:comment_content`, `wp:comment_approved` (`1`, `0`, `spam`,
/// `trash`), `wp:comment_type` (empty or `comment`; `pingback`, `trackback`…) and `wp:comment_parent` (`0`, or the
/// id of the comment answered). The field names are WordPress's own (`wp-admin/includes/export.php`).
///
/// Every comment is imported `pending`, approved on WordPress or not: it is screened and moderated like any other.
/// Spam, the trash, pingbacks, trackbacks and other comment types are left out. What the commenter's address
/// (`comment_author_url`) and IP address were is not kept; the email goes where emails go, unpublished.
enum WordPressExport {
    /// Reads a WXR file. Comments come out parents first, so that a reply's parent is written before it.
    /// - Throws: `CommentImport.Failure.unreadable` when the XML is malformed (with its line and column) or is not a
    ///   WordPress export.
    static func read(_ text: String) throws -> CommentImport.Export {
        let reader = Reader()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = reader
        parser.shouldProcessNamespaces = true
        // Nothing outside the file is read: no external entities, no DTD from the network.
        parser.shouldResolveExternalEntities = false
        // FoundationXML's `parse()` can return true after an error it recovered from; the delegate hears of every one.
        let parsed = parser.parse()
        if let error = reader.firstError ?? (parsed ? nil : (parser.lineNumber, parser.columnNumber, (parser.parserError as NSError?)?.code ?? 0)) {
            throw CommentImport.Failure.unreadable("line \(error.line), column \(error.column): the XML cannot be read: \(Self.explain(error.code))")
        }
        guard reader.sawWordPressElements else {
            throw CommentImport.Failure.unreadable("not a WordPress export (WXR): no wp: elements; export the site from WordPress's Tools → Export")
        }
        var export = CommentImport.Export(format: .wordpress)
        var submissions: [CommentImport.Submission] = []
        for comment in reader.comments {
            switch comment.submission() {
            case .comment(let submission): submissions.append(submission)
            case .leftOut(let reason): export.leftOut[reason, default: 0] += 1
            case .problem(let problem): export.problems.append(problem)
            }
        }
        (export.submissions, export.problems) = parentsFirst(submissions, problems: export.problems)
        return export
    }

    /// What an `XMLParser` error means, in words. FoundationXML passes on libxml2's error numbers (`xmlParserErrors`);
    /// the usual ones are named, any other is given by its number.
    static func explain(_ code: Int) -> String {
        switch code {
        case 4: "there is no XML element here"
        case 5, 77: "the file ends before its elements are closed"
        case 63: "a CDATA section is never closed"
        case 68: "an & that starts no entity (write &amp;)"
        case 26: "an entity that is not declared"
        case 76, 85: "a closing tag does not match the element it closes"
        case 89: "an entity refers to itself or expands too far"
        case 9: "a character XML does not allow"
        default: "XML error \(code)"
        }
    }

    /// The submissions with every reply after the comment it answers (otherwise in file order); replies that go round
    /// in a circle are problems.
    static func parentsFirst(_ submissions: [CommentImport.Submission], problems: [CommentImport.RowProblem])
        -> ([CommentImport.Submission], [CommentImport.RowProblem]) {
        let byID = Dictionary(submissions.compactMap { s in s.place.commentID.map { ($0, s) } }, uniquingKeysWith: { first, _ in first })
        var ordered: [CommentImport.Submission] = []
        var problems = problems
        var placed: Set<String> = []
        for submission in submissions {
            // The chain of parents not placed yet, nearest first.
            var chain: [CommentImport.Submission] = [submission]
            var seen: Set<String> = [submission.place.commentID ?? ""]
            var circular = false
            while let parentID = chain.last?.parentCommentID, !placed.contains(parentID), let parent = byID[parentID] {
                guard seen.insert(parentID).inserted else {
                    circular = true
                    break
                }
                chain.append(parent)
            }
            for member in chain.reversed() where !placed.contains(member.place.commentID ?? "") {
                placed.insert(member.place.commentID ?? "")
                if circular {
                    problems.append(.init(place: member.place, message: "its comment_parent chain goes round in a circle"))
                } else {
                    ordered.append(member)
                }
            }
        }
        return (ordered, problems.sorted { $0.row < $1.row })
    }

    /// One `<wp:comment>` as read, and the post it belongs to.
    struct RawComment {
        var line: Int
        var fields: [String: String] = [:]
        /// The item's `wp:post_name`, `link` and `title`.
        var postName: String
        var link: String
        var title: String

        enum Reading {
            case comment(CommentImport.Submission)
            case leftOut(String)
            case problem(CommentImport.RowProblem)
        }

        func submission() -> Reading {
            func field(_ name: String) -> String? {
                fields[name].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            let id = field("comment_id")
            let place = CommentImport.Place(row: line, commentID: id ?? "without id")
            let type = field("comment_type") ?? "comment"
            guard type == "comment" else { return .leftOut(type) }
            switch field("comment_approved") {
            case "spam": return .leftOut("spam")
            case "trash", "post-trashed": return .leftOut("trash")
            default: break
            }
            guard id != nil else { return .problem(.init(place: place, message: "no wp:comment_id")) }
            // `comment_date_gmt` is UTC; WordPress writes zeros there for some comments, and then only the local time
            // (without its zone, read as UTC) is known.
            guard let date = [field("comment_date_gmt"), field("comment_date")].compactMap({ $0 }).lazy.compactMap(Timestamp.init(parsing:)).first else {
                return .problem(.init(place: place, message: "cannot read the date '\(field("comment_date_gmt") ?? field("comment_date") ?? "")'"))
            }
            guard let body = field("comment_content") else { return .problem(.init(place: place, message: "no text (wp:comment_content is empty)")) }
            // WordPress's `link` ends in the slug under most permalink settings (`/2024/09/ketamine-basics/`).
            let linkSlug = PostNames.pathOfAddress(link).split(separator: "/").last.map(String.init)
            var names: [String] = []
            for name in [postName.removingPercentEncoding ?? postName, linkSlug?.removingPercentEncoding ?? ""] where !name.isEmpty && !names.contains(name) {
                names.append(name)
            }
            guard !names.isEmpty else {
                return .problem(.init(place: place, message: "its post \(title.isEmpty ? "" : "“\(title)” ")has no wp:post_name or link"))
            }
            let parent = field("comment_parent").flatMap { $0 == "0" ? nil : $0 }
            return .comment(CommentImport.Submission(place: place, postNames: names,
                                                     author: field("comment_author") ?? "Anonymous", email: field("comment_author_email"),
                                                     date: date, body: body, parentCommentID: parent))
        }
    }

    /// The `XMLParser` delegate: collects each item's names and its comments' fields. Used on one thread, once.
    final class Reader: NSObject, XMLParserDelegate {
        private(set) var comments: [RawComment] = []
        private(set) var sawWordPressElements = false
        private var path: [String] = []
        private var text = ""
        private var postName = "", link = "", title = ""
        /// The comments of the item being read: its names are known for certain only at its end.
        private var itemComments: [RawComment] = []
        private var current: RawComment?
        /// Where the first error was, and its `XMLParser.ErrorCode`: parsing stops there.
        private(set) var firstError: (line: Int, column: Int, code: Int)?

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            guard firstError == nil else { return }
            firstError = (parser.lineNumber, parser.columnNumber, (parseError as NSError).code)
            parser.abortParsing()
        }

        private static func isWordPress(_ namespace: String?) -> Bool {
            namespace?.hasPrefix("http://wordpress.org/export/") == true
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let wordpress = Self.isWordPress(namespaceURI)
            if wordpress { sawWordPressElements = true }
            let local = wordpress ? "wp:\(name)" : name
            if local == "item" {
                (postName, link, title) = ("", "", "")
                itemComments = []
            } else if local == "wp:comment", path.last == "item" {
                current = RawComment(line: parser.lineNumber, postName: "", link: "", title: "")
            }
            path.append(local)
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, foundCDATA block: Data) { text += String(decoding: block, as: UTF8.self) }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let local = path.popLast() ?? name
            switch (path.last, local) {
            case ("item", "wp:post_name"): postName = text.trimmingCharacters(in: .whitespacesAndNewlines)
            case ("item", "link"): link = text.trimmingCharacters(in: .whitespacesAndNewlines)
            case ("item", "title"): title = text.trimmingCharacters(in: .whitespacesAndNewlines)
            case ("item", "wp:comment"):
                if let comment = current { itemComments.append(comment) }
                current = nil
            case ("wp:comment", _) where local.hasPrefix("wp:"):
                current?.fields[String(local.dropFirst(3))] = text
            case (_, "item"):
                comments += itemComments.map { comment in
                    var comment = comment
                    (comment.postName, comment.link, comment.title) = (postName, link, title)
                    return comment
                }
                itemComments = []
            default:
                break
            }
            text = ""
        }
    }
}
