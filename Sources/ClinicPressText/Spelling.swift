/// Finds the known name a misspelled one was meant to be, by edit distance: for "did you mean" hints.
public enum Spelling {
    /// The known name within two edits of `key` (one edit for short names), or nil.
    public static func closest(to key: String, among known: [String]) -> String? {
        let lowered = key.lowercased()
        if let exact = known.first(where: { $0 == lowered || $0 == lowered.replacingDashes }) { return exact }
        let limit = key.count <= 4 ? 1 : 2
        var best: (key: String, distance: Int)?
        for candidate in known {
            let distance = editDistance(Array(lowered), Array(candidate))
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.key
    }

    /// The known names close to `key`, nearest first (then in alphabetical order), at most `limit`: those within the
    /// edits `closest` allows, and those that contain `key` when it has three characters or more (`ketamine` is close
    /// to `ketamine-basics`). For hints that list several candidates.
    public static func close(to key: String, among known: [String], limit: Int) -> [String] {
        let lowered = key.lowercased()
        let allowed = key.count <= 4 ? 1 : 2
        let scored = Set(known).compactMap { candidate -> (name: String, distance: Int)? in
            let distance = editDistance(Array(lowered), Array(candidate))
            guard distance <= allowed || (lowered.count >= 3 && candidate.contains(lowered)) else { return nil }
            return (candidate, distance)
        }
        return scored.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(limit).map(\.name)
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit (`titel` → `title` is 1).
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}

private extension String {
    var replacingDashes: String { String(map { $0 == "-" ? "_" : $0 }) }
}
