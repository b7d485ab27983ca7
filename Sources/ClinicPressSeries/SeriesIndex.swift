import ClinicPressModel

/// Groups posts into series — by `series` + `part` in the front matter, or, without `series`, by a title that ends
/// in a part marker — and checks each series: duplicate parts, gaps, parts dated out of order, one-post series,
/// `part` without a series, `parts` smaller than the highest part.
public struct SeriesIndex: Sendable {
    /// Every series, sorted by title.
    public let series: [Series]
    /// Problems found while grouping, each at the file and line it concerns.
    public let diagnostics: [Diagnostic]
    /// Series index and part number of each post in a series, by post source.
    private let membership: [String: (series: Int, part: Int)]

    /// Groups `posts` (all of them: drafts and scheduled posts hold their part numbers too). `isPublished` says
    /// which posts this build publishes; the others are "coming soon".
    public init(posts: [Post], isPublished: (Post) -> Bool) {
        var diagnostics: [Diagnostic] = []
        var groups: [String: [(post: Post, part: Int, explicitTitle: String?, inferredTitle: String?, planned: Int?)]] = [:]
        for post in posts.sorted(by: { $0.source < $1.source }) {
            let marker = TitleMarker(title: post.title)
            let title: String
            let part: Int
            if let series = post.series {
                guard let number = post.part ?? marker?.part else {
                    diagnostics.append(.error("the post is in series '\(series)' but has no `part`", at: post.location(ofKey: "series"), rule: "series",
                                              hint: "add `part: N`, its place in the series"))
                    continue
                }
                title = series
                part = number
            } else if let marker {
                if let written = post.part, written != marker.part {
                    diagnostics.append(.error("`part: \(written)` disagrees with the title, which says part \(marker.part)", at: post.location(ofKey: "part"),
                                              rule: "series", hint: "make the title and `part` agree, or give the series with `series:`"))
                }
                title = marker.seriesTitle
                part = marker.part
            } else {
                if let written = post.part {
                    diagnostics.append(.error("`part: \(written)` without a series: there is no `series:` and the title has no part marker",
                                              at: post.location(ofKey: "part"), rule: "series",
                                              hint: "add `series: \"Series title\"`, or remove `part`"))
                }
                continue
            }
            groups[Self.groupKey(title), default: []].append((post, part, post.series, post.series == nil ? title : nil, post.parts ?? marker?.total))
        }

        var series: [Series] = []
        var membership: [String: (series: Int, part: Int)] = [:]
        // The first series (in key order) to take each address, to report any other that would overwrite it.
        var slugOwners: [String: String] = [:]
        for key in groups.keys.sorted() {
            let members = groups[key]!
            let ordered = members.sorted { ($0.part, $0.post.date, $0.post.source) < ($1.part, $1.post.date, $1.post.source) }
            // An explicit `series:` names the series; else the title of its earliest part.
            let title = ordered.compactMap(\.explicitTitle).first ?? ordered.compactMap(\.inferredTitle).first ?? ""
            let highest = ordered.map(\.part).max() ?? 0
            let planned = ordered.compactMap(\.planned).max()
            for member in ordered {
                if let written = member.post.parts, written < highest {
                    diagnostics.append(.error("`parts: \(written)` is smaller than the highest part of '\(title)', \(highest)",
                                              at: member.post.location(ofKey: "parts"), rule: "series", hint: "raise `parts` to at least \(highest)"))
                }
            }
            let slug = Slug.make(title: title)
            if let owner = slugOwners[slug] {
                let first = ordered[0].post
                diagnostics.append(.error("series '\(title)' and series '\(owner)' would both be published at series/\(slug)/",
                                          at: first.location(ofKey: first.series == nil ? "title" : "series"), rule: "series",
                                          hint: "give one of them a title that differs in its letters or digits"))
                continue
            }
            slugOwners[slug] = title
            var parts: [Series.Part] = []
            // Posts cap `part` and `parts` (Post.partLimit); the cap here keeps this loop bounded for any caller.
            for number in 1...min(max(highest, planned ?? 0), 10_000) {
                let posts = ordered.filter { $0.part == number }
                for duplicate in posts.dropFirst() {
                    diagnostics.append(.error("part \(number) of '\(title)' is also \(posts[0].post.source)",
                                              at: duplicate.post.location(ofKey: duplicate.post.series == nil ? "title" : "part"), rule: "series",
                                              hint: "give each part its own number"))
                }
                guard let member = posts.first else {
                    parts.append(Series.Part(number: number, state: .comingSoon))
                    continue
                }
                let published = isPublished(member.post)
                parts.append(Series.Part(number: number, state: published ? .published : .comingSoon, title: published ? member.post.title : nil,
                                         path: published ? member.post.path : nil, source: member.post.source))
            }
            diagnostics += Self.orderProblems(ordered.map { ($0.post, $0.part) }, title: title, highest: highest, planned: planned)
            for member in ordered { membership[member.post.source] = (series.count, member.part) }
            series.append(Series(title: title, slug: slug, parts: parts))
        }
        // Sorted by title; membership indices follow the sort.
        let order = series.indices.sorted { (series[$0].title.lowercased(), series[$0].slug) < (series[$1].title.lowercased(), series[$1].slug) }
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        self.series = order.map { series[$0] }
        self.membership = membership.mapValues { (position[$0.series]!, $0.part) }
        self.diagnostics = diagnostics.sorted()
    }

    /// The series a post belongs to and its part number.
    public func membership(of post: Post) -> (series: Series, part: Int)? {
        membership[post.source].map { (series[$0.series], $0.part) }
    }

    /// Gaps between parts, parts dated before the part they follow, and series of a single post.
    private static func orderProblems(_ members: [(post: Post, part: Int)], title: String, highest: Int, planned: Int?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let numbers = Set(members.map(\.part))
        for (post, part) in members where part > 1 && !numbers.contains(part - 1) {
            let missing = (1..<part).filter { !numbers.contains($0) }
            diagnostics.append(.warning("'\(title)' has no part \(missing.map(String.init).joined(separator: ", ")) before this part \(part)",
                                        at: post.location(ofKey: post.series == nil ? "title" : "part"), rule: "series",
                                        hint: "write the missing part (a draft counts), or renumber the parts"))
        }
        for (post, part) in members {
            // Compare with the nearest earlier part that exists (part 2 may be missing between 1 and 3).
            guard let previous = members.filter({ $0.part < part }).max(by: { $0.part < $1.part }) else { continue }
            if post.date < previous.post.date {
                diagnostics.append(.warning("part \(part) of '\(title)' is dated \(post.date.dayString), before part \(previous.part) (\(previous.post.date.dayString))",
                                            at: post.location(ofKey: post.keyLines["date"] != nil ? "date" : "title"), rule: "series",
                                            hint: "date each part after the one it follows"))
            }
        }
        if members.count == 1, (planned ?? 1) <= 1 {
            let post = members[0].post
            diagnostics.append(.warning("'\(title)' is a series of one post", at: post.location(ofKey: post.series == nil ? "title" : "series"), rule: "series",
                                        hint: "add `parts: N` to say how many parts are planned, or drop the part marker"))
        }
        return diagnostics
    }

    /// Titles that differ only in case or punctuation are one series.
    static func groupKey(_ title: String) -> String {
        String(title.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }
}
