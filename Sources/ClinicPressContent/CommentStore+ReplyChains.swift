import ClinicPressModel

extension CommentStore {
    /// Errors for replies that could never be published, which threading would otherwise drop without a word: a
    /// comment that replies to itself, comments whose `reply_to` links form a cycle (each one is reported), and
    /// replies more than `Comment.maxReplyDepth` levels below their thread's first comment. `comments` are one
    /// post's; a `reply_to` naming no comment is reported elsewhere.
    ///
    /// Each comment's parent chain is followed once (depths are remembered), iteratively: linear in the number of
    /// comments however long the chains are.
    static func replyChainProblems(_ comments: [Comment], replyToLocations: [String: SourceLocation]) -> [Diagnostic] {
        let byID = Dictionary(comments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var depth: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        func location(_ id: String) -> SourceLocation { replyToLocations[id] ?? SourceLocation(file: byID[id]!.source) }

        for start in byID.keys.sorted() where depth[start] == nil {
            var path: [String] = []
            var position: [String: Int] = [:]
            var current = start
            // Walk up until a comment whose depth is known, a thread's first comment, or a comment already on the path.
            var base: Int?
            while true {
                if let known = depth[current] { base = known; break }
                if let index = position[current] {
                    let cycle = Array(path[index...])
                    diagnostics += cycleProblems(cycle, location: location)
                    break
                }
                position[current] = path.count
                path.append(current)
                guard let parent = byID[current]?.replyTo, byID[parent] != nil else { base = -1; break }
                current = parent
            }
            // Comments on the path below a cycle never reach a thread either; they get no depth (and no depth error).
            guard let base else {
                for id in path { depth[id] = Int.min / 2 }
                continue
            }
            for (offset, id) in path.reversed().enumerated() {
                let level = base + 1 + offset
                depth[id] = level
                if level == Comment.maxReplyDepth + 1 {
                    diagnostics.append(.error("this reply is \(level) levels below the first comment of its thread; replies deeper than \(Comment.maxReplyDepth) levels are not published",
                                              at: location(id), rule: "comment",
                                              hint: "answer a comment higher in the thread: set `reply_to` to one at most \(Comment.maxReplyDepth - 1) levels deep"))
                }
            }
        }
        return diagnostics
    }

    /// One error for each comment of a `reply_to` cycle, which is named from its smallest id.
    private static func cycleProblems(_ cycle: [String], location: (String) -> SourceLocation) -> [Diagnostic] {
        guard cycle.count > 1 else {
            return [.error("the comment replies to itself", at: location(cycle[0]), rule: "comment",
                           hint: "remove `reply_to`, or set it to the comment this one answers")]
        }
        let first = cycle.indices.min { cycle[$0] < cycle[$1] }!
        let ordered = Array(cycle[first...] + cycle[..<first])
        // A long cycle is named by its first comments only: every member gets the message, which must stay short.
        let named = ordered.count <= 5 ? ordered.map { "'\($0)'" } : ordered.prefix(3).map { "'\($0)'" } + ["… \(ordered.count - 3) more"]
        let chain = (named + ["'\(ordered[0])'"]).joined(separator: " → ")
        return cycle.map { id in
            .error("`reply_to` links form a cycle, \(chain), so none of these comments can be published", at: location(id), rule: "comment",
                   hint: "make one of them answer a comment outside the cycle, or remove its `reply_to`")
        }
    }
}
