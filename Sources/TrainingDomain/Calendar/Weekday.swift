/// A day of the week, written as its three-letter English abbreviation (`mon` … `sun`).
public enum Weekday: String, CaseIterable, Codable, Sendable {
    case monday = "mon", tuesday = "tue", wednesday = "wed", thursday = "thu", friday = "fri", saturday = "sat", sunday = "sun"

    /// 0 for Monday through 6 for Sunday.
    public var mondayBasedIndex: Int { Weekday.allCases.firstIndex(of: self)! }

    /// Parses `mon`, `monday`, `Mon` and the like.
    public init?(name: String) {
        let lowered = name.lowercased()
        guard lowered.count >= 3, let day = Weekday.allCases.first(where: { lowered.hasPrefix($0.rawValue) }) else { return nil }
        let fullNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        guard lowered.count == 3 || fullNames[day.mondayBasedIndex] == lowered else { return nil }
        self = day
    }
}
