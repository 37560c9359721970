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
    private let stem: [UInt8]
    private var count = 0

    /// A series of ids starting with `prefix` (`"day"`).
    public init(_ prefix: String) {
        stem = Array((makeIdentifier(prefix) + "_").utf8)
    }

    /// The next id: the series' stem and the next number, at least four digits (more after 9,999).
    public mutating func next() -> String {
        count += 1
        // Written digit by digit into the id's bytes: a plan numbers 126 days on the way to its commit.
        var digits = 4
        var limit = 10_000
        while count >= limit { digits += 1; limit *= 10 }
        return String(unsafeUninitializedCapacity: stem.count + digits) { buffer in
            _ = buffer.initialize(from: stem)
            var value = count
            for position in stride(from: stem.count + digits - 1, through: stem.count, by: -1) {
                buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
            return stem.count + digits
        }
    }
}
