import ClinicPressModel
import ClinicPressText

extension CommentScreener {
    /// Diagnostics for `comments.auto_spam` entries that are not screening flags.
    public static func validate(_ settings: CommentSettings) -> [Diagnostic] {
        let names = CommentFlag.allCases.map(\.rawValue)
        return settings.autoSpam.filter { CommentFlag(rawValue: $0.flag) == nil }.map { entry in
            let likely = Spelling.closest(to: entry.flag, among: names).map { "did you mean `\($0)`? " } ?? ""
            return .error("unknown screening flag `\(entry.flag)` in comments.auto_spam", at: entry.location, rule: "site-config",
                          hint: "\(likely)the flags are: \(names.joined(separator: ", "))")
        }
    }
}
