import Foundation

/// A small site for the moderation red-team tests: two posts whose comment folders both hold a comment with the
/// id `2026-09-23-may-m` (ids are unique only per post), and a second comment on the first post.
enum ModerationSite {
    static let mayOnKetamine = "Posts/2026-09-01-ketamine-basics.comments/2026-09-23-may-m.md"
    static let mayOnTMS = "Posts/2026-09-02-tms-basics.comments/2026-09-23-may-m.md"
    static let max = "Posts/2026-09-01-ketamine-basics.comments/2026-09-24-max-b.md"

    static func make() -> TemporaryDirectory {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        -- Posts/2026-09-01-ketamine-basics.md --
        ---
        title: "Ketamine Basics"
        ---
        Body.
        -- Posts/2026-09-02-tms-basics.md --
        ---
        title: "TMS Basics"
        ---
        Body.
        -- \(mayOnKetamine) --
        ---
        author: May M.
        date: 2026-09-23T14:05:00Z
        status: pending
        email: may@example.com
        ---
        My mother felt better after her second infusion.
        -- \(mayOnTMS) --
        ---
        author: May T.
        date: 2026-09-23T15:00:00Z
        status: pending
        ---
        Does TMS hurt?
        -- \(max) --
        ---
        author: Max B.
        date: 2026-09-24T10:00:00Z
        status: pending
        ---
        What does it cost?
        """)
        return site
    }

    static func read(_ site: TemporaryDirectory, _ path: String) throws -> String {
        try String(contentsOf: site.url.appendingPathComponent(path), encoding: .utf8)
    }

    /// The text with its `moderated_at:` line's time replaced by `<now>`, for exact comparisons.
    static func withoutTime(_ text: String) -> String {
        // Split by scalars: as a Character, "\r\n" is one grapheme that is not "\n".
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { scalars in
            let line = String(String.UnicodeScalarView(scalars))
            return line.hasPrefix("moderated_at: ") ? "moderated_at: <now>" + (scalars.last == "\r" ? "\r" : "") : line
        }.joined(separator: "\n")
    }
}
