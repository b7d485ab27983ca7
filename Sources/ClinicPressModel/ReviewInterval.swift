/// How often posts need a new medical review (`review_every: 12 months` in site.yaml).
public struct ReviewInterval: Sendable, Hashable, CustomStringConvertible {
    public enum Unit: String, Sendable, CaseIterable {
        case day, week, month, year
    }

    public var count: Int
    public var unit: Unit

    public init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// Reads `12 months`, `1 year`, `6 weeks`, `90 days` (singular or plural, any case); nil otherwise.
    public init?(parsing text: String) {
        let words = text.lowercased().split(separator: " ", omittingEmptySubsequences: true)
        guard words.count == 2, let count = Int(words[0]), count > 0, count <= 1000 else { return nil }
        let name = words[1].hasSuffix("s") ? words[1].dropLast() : words[1]
        guard let unit = Unit(rawValue: String(name)) else { return nil }
        self.init(count: count, unit: unit)
    }

    /// `12 months`, `1 year`.
    public var description: String { "\(count) \(unit.rawValue)\(count == 1 ? "" : "s")" }

    /// The day this interval after `date` (a month after January 31 is the last day of February).
    public func after(_ date: Timestamp) -> Timestamp {
        switch unit {
        case .day, .week:
            let days = count * (unit == .week ? 7 : 1)
            var day = Timestamp(year: date.year, month: date.month, day: date.day)
            day = Timestamp(secondsSinceEpoch: day.secondsSinceEpoch + days * 86_400)
            return Timestamp(year: day.year, month: day.month, day: day.day)
        case .month, .year:
            let months = date.year * 12 + (date.month - 1) + count * (unit == .year ? 12 : 1)
            let year = months / 12, month = months % 12 + 1
            return Timestamp(year: year, month: month, day: min(date.day, Timestamp.daysIn(month: month, year: year)))
        }
    }
}
