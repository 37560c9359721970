import Foundation
import TrainingDomain

/// The server's view of now: instants for timestamps and "today" in an athlete's time zone.
public struct Clock: Sendable {
    private let nowProvider: @Sendable () -> Date

    /// The system clock; `GOFAST_NOW` (RFC 3339) pins it, for reproducible sessions and tests.
    public static let system: Clock = {
        if let pinned = EnvironmentVariable.value("GOFAST_NOW"), let parsed = Timestamp.parse(pinned) {
            let date = Date(timeIntervalSince1970: parsed.epochSeconds)
            return Clock { date }
        }
        return Clock { Date() }
    }()

    /// A clock reading `now`.
    public init(now: @escaping @Sendable () -> Date) { self.nowProvider = now }

    /// Now, in seconds since 1970.
    public var epochSeconds: Double { nowProvider().timeIntervalSince1970 }

    /// Now as RFC 3339 UTC with microseconds: sortable text for `createdAt` and `assignedAt`.
    public func timestamp() -> String {
        Timestamp.format(epochSeconds: epochSeconds, fractionDigits: 6)
    }

    /// Today's date in `timeZone`.
    public func today(in timeZone: TimeZone) -> CalendarDate {
        let now = nowProvider()
        return Timestamp.localDate(epochSeconds: now.timeIntervalSince1970, utcOffsetSeconds: timeZone.secondsFromGMT(for: now))
    }
}

/// IANA time-zone names, checked against the system's database.
enum TimeZones {
    private static let known: Set<String> = Set(TimeZone.knownTimeZoneIdentifiers).union(["UTC", "Etc/UTC", "GMT"])

    /// The zone named `identifier`, or nil when it is not an IANA name.
    static func zone(named identifier: String) -> TimeZone? {
        // IANA names are ASCII letters, digits, `/`, `_`, `-` and `+`: anything else (a NUL, which the file system
        // would cut the path at, a control character, `..`) names no zone.
        guard identifier.utf8.allSatisfy(isNameByte) else { return nil }
        if known.contains(identifier) { return TimeZone(identifier: identifier) }
        // Names the list misses (Asia/Kolkata) but the zone database has.
        guard identifier.contains("/"), !identifier.contains(".."), identifier.count <= 64,
              FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/" + identifier) else { return nil }
        return TimeZone(identifier: identifier)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "/"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "+"): true
        default: false
        }
    }
}
