/// A new random id: a readable prefix and 16 hex digits (`ath_3f9c…`).
public func makeIdentifier(_ prefix: String) -> String {
    var generator = SystemRandomNumberGenerator()
    let hex = String(generator.next() as UInt64, radix: 16)
    return prefix + "_" + String(repeating: "0", count: 16 - hex.count) + hex
}

/// The ids of the rows one operation writes (a plan's days, a sync page's activities): one random id for the
/// series, then a running number (`day_3f9c…_0001`, `day_3f9c…_0002`, …).
///
/// A row's id is its place in the primary-key index. Ids drawn one by one land all over that index, so writing 126
/// days of a plan touched a leaf page for nearly every row (and wrote each to the WAL); a series lands in one place,
/// a few pages wide. It also draws one random number per operation instead of one per row. Ids stay unique: the
/// series' own random part is as wide as a lone id's.
public struct IdentifierSeries: Sendable {
    private let stem: String
    private var count = 0

    /// A series of ids starting with `prefix` (`"day"`).
    public init(_ prefix: String) {
        stem = makeIdentifier(prefix) + "_"
    }

    /// The next id: the series' stem and the next number, at least four digits (more after 9,999).
    public mutating func next() -> String {
        count += 1
        let number = String(count)
        return number.utf8.count >= 4 ? stem + number : stem + String(repeating: "0", count: 4 - number.utf8.count) + number
    }
}
