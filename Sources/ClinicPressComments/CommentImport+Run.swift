import ClinicPressContent
import ClinicPressModel
import ClinicPressParallel
import Foundation

extension CommentImport {
    /// How many submissions are screened at once, on all cores, before their files are written in order.
    static let batchSize = 64

    /// Writes a pending file for each submission that is new; returns what happened to every row. `problems` are the
    /// rows reading found bad (they are reported with the others, and replies to them are not imported either).
    /// `progress` hears how many submissions are done, of all of them, after each one.
    ///
    /// Costs a few fixed steps per row: the folders are listed once, a submission is recognised as imported before by
    /// a hash lookup (a scan of the post's comments made a large import quadratic), and screening, the one step that
    /// is work for the processor, runs on all cores a batch at a time. The files are written one after the other, in
    /// row order, so that ids are given out in a stable order, and a reply's parent is written before it (WordPress
    /// exports are read parents first).
    public func run(_ submissions: [Submission], problems: [RowProblem], progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) -> Result {
        var state = RunState(existing: existing, problems: problems)
        // The ids and short ids each post's folder has, listed once: a new comment's short id must be unique there.
        for file in writer.store.files() {
            state.taken[file.postStem, default: []].formUnion([file.id, file.shortID])
            state.ids[file.postStem, default: []].insert(file.id)
        }
        var done = 0
        func finish() {
            done += 1
            progress(done, submissions.count)
        }
        for start in stride(from: 0, to: submissions.count, by: Self.batchSize) {
            // Rows that name a post and are new, in order; a row repeated within the export is imported once.
            var batch: [(submission: Submission, stem: String)] = []
            for submission in submissions[start..<min(start + Self.batchSize, submissions.count)] {
                guard let stem = postStem(of: submission, state: &state) else {
                    finish()
                    continue
                }
                let key = DuplicateKey(stem: stem, submission.author, submission.date, submission.body)
                if let commentID = submission.place.commentID { state.keyByCommentID[commentID] = key }
                guard state.imported.insert(key).inserted else {
                    state.result.duplicates.append(submission.place)
                    finish()
                    continue
                }
                batch.append((submission, stem))
            }
            let screener = writer.screener
            let flags = batch.map(\.submission).parallelMap { screener.flags(author: $0.author, body: $0.body).map(\.rawValue) }
            for ((submission, stem), flags) in zip(batch, flags) {
                defer { finish() }
                let replyTo: String?
                do {
                    replyTo = try self.replyTo(of: submission, stem: stem, state: state)
                } catch {
                    state.fail(submission, error.message)
                    continue
                }
                do {
                    let text = fileText(submission, replyTo: replyTo, flags: flags)
                    let file = try writer.store.createNew(author: submission.author, date: submission.date, postStem: stem, text: text,
                                                          taken: &state.taken[stem, default: []])
                    state.ids[stem, default: []].insert(file.id)
                    state.idByKey[DuplicateKey(stem: stem, submission.author, submission.date, submission.body)] = file.id
                    state.result.created.append(file.path)
                } catch {
                    state.fail(submission, "cannot write a comment file in \(CommentFile.folder(ofPost: stem)): \(error)")
                }
            }
        }
        state.result.problems.sort { $0.place.row < $1.place.row }
        return state.result
    }

    /// What a run keeps track of as it goes.
    struct RunState {
        var result: Result
        /// The submissions imported before or in this run, and the ids of their files.
        var imported: Set<DuplicateKey>
        var idByKey: [DuplicateKey: String]
        /// The key of each export comment id seen (WordPress), for replies to find their parent's file.
        var keyByCommentID: [String: DuplicateKey] = [:]
        /// Export comment ids of rows that were not imported because of a problem: their replies are not imported either.
        var failedCommentIDs: Set<String>
        var taken: [String: Set<String>] = [:]
        var ids: [String: Set<String>] = [:]

        init(existing: [String: [Comment]], problems: [RowProblem]) {
            result = Result(problems: problems)
            var idByKey: [DuplicateKey: String] = [:]
            for (stem, comments) in existing {
                for comment in comments { idByKey[DuplicateKey(stem: stem, comment.author, comment.date, comment.body)] = comment.id }
            }
            self.idByKey = idByKey
            imported = Set(idByKey.keys)
            failedCommentIDs = Set(problems.compactMap(\.place.commentID))
        }

        mutating func fail(_ submission: Submission, _ message: String) {
            result.problems.append(RowProblem(place: submission.place, message: message))
            if let commentID = submission.place.commentID { failedCommentIDs.insert(commentID) }
        }
    }

    /// The file stem of the post the submission names: the first of its names that is one post's. Records a problem
    /// and returns nil when none is, or a name fits several posts.
    private func postStem(of submission: Submission, state: inout RunState) -> String? {
        for name in submission.postNames {
            let stems = posts.stems(named: name)
            if stems.count == 1 { return stems[0] }
            if stems.count > 1 {
                state.fail(submission, "'\(name)' names \(stems.count) posts (\(stems.map { "Posts/\($0).md" }.joined(separator: ", "))); give the slug of one")
                return nil
            }
        }
        let names = submission.postNames.map { "'\($0)'" }
        state.fail(submission, names.isEmpty ? "no post: give its slug (a `post` or `slug` field) or the page's address"
                   : "no post \(names.joined(separator: " or ")) in this site")
        return nil
    }

    /// A problem with a reply's parent.
    struct ReplyProblem: Error {
        let message: String
    }

    /// The id of the comment a submission answers, in the post's folder: its form's `reply_to`, which must be a
    /// comment of that post; or the file its WordPress parent was (or had been) imported as. A parent that is not in
    /// the export or was left out (spam, the trash, a pingback) leaves the reply on its own: there is nothing to
    /// thread it under.
    private func replyTo(of submission: Submission, stem: String, state: RunState) throws(ReplyProblem) -> String? {
        if let replyTo = submission.replyTo {
            guard state.ids[stem]?.contains(replyTo) == true else {
                throw ReplyProblem(message: "reply_to '\(replyTo)' is no comment of post '\(posts.slug(ofStem: stem))'; give the id of one (its file name without .md), or leave reply_to empty")
            }
            return replyTo
        }
        guard let parent = submission.parentCommentID else { return nil }
        if state.failedCommentIDs.contains(parent) {
            throw ReplyProblem(message: "replies to comment \(parent), which is not imported (see its error); fix that one and import again")
        }
        guard let key = state.keyByCommentID[parent] else { return nil }
        guard key.stem == stem, let id = state.idByKey[key] else {
            throw ReplyProblem(message: "replies to comment \(parent), which is not imported (see its error); fix that one and import again")
        }
        return id
    }

    /// What makes a submission the same as one imported before: post, author, date and text (ignoring the spaces
    /// around it and CRLF line ends).
    struct DuplicateKey: Hashable {
        let stem: String
        let author: String
        let date: Timestamp
        let body: String

        init(stem: String, _ author: String, _ date: Timestamp, _ body: String) {
            self.stem = stem
            self.author = author
            self.date = date
            self.body = body.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\r\n", with: "\n")
        }
    }

    /// The new file's text, as `clinicpress intake` writes it (`NewCommentWriter.text`): front matter with the author,
    /// date, status (`pending`, or what the auto-spam policy decides, dated like the submission), email, reply_to and
    /// screening flags, then the body.
    private func fileText(_ submission: Submission, replyTo: String?, flags: [String]) -> String {
        let decision = writer.autoSpam.marksSpam(.pending, screeningFlags: flags) ? writer.autoSpam.decision(at: submission.date) : []
        let comment = NewCommentWriter.NewComment(postStem: "", author: submission.author, email: submission.email, date: submission.date,
                                                  body: submission.body, replyTo: replyTo)
        return NewCommentWriter.text(comment, status: decision.isEmpty ? .pending : .spam, decision: decision.filter { $0.key != "status" },
                                     flags: flags)
    }
}
