/// A one-line progress bar for long commands on a terminal: `Importing [#########...........] 1350/3000 rows`,
/// redrawn in place with a carriage return, and erased when the work is done so that the summary line takes its place.
///
/// It redraws only when the whole percentage changes (at most about a hundred times, however many items), so drawing
/// costs nothing next to the work and the output does not depend on timing. The caller decides whether to show one
/// (standard error a terminal, and no `--quiet`).
public final class ProgressBar {
    /// "Importing", "Screening".
    public let label: String
    /// What is counted: "rows", "comments".
    public let unit: String
    public let total: Int
    /// Receives the text to write, control characters included.
    private let write: (String) -> Void
    private var drawnPercent = -1

    /// Cells between the brackets.
    static let width = 20

    /// A bar counting to `total`, written through `write`.
    public init(label: String, unit: String, total: Int, write: @escaping (String) -> Void) {
        self.label = label
        self.unit = unit
        self.total = total
        self.write = write
    }

    /// `done` of `total` are done.
    public func update(_ done: Int) {
        let percent = total > 0 ? min(100, done * 100 / total) : 100
        guard percent != drawnPercent else { return }
        drawnPercent = percent
        write("\r" + Self.line(label: label, done: done, total: total, unit: unit))
    }

    /// Erases the bar (carriage return, erase to the end of the line).
    public func finish() {
        if drawnPercent >= 0 { write("\r\u{1B}[K") }
    }

    /// The bar's text: `Importing [#####...............] 750/3000 rows`.
    public static func line(label: String, done: Int, total: Int, unit: String) -> String {
        let filled = total > 0 ? min(width, done * width / total) : width
        return "\(label) [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(done)/\(total) \(unit)"
    }
}
