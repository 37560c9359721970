import Foundation

/// Parses the ISO 8601 / XML Schema `dateTime` values found in GPX and TCX files.
enum XMLTimestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM]`; a time without zone is taken as UTC (as gpxpy does). Nil when malformed.
    static func parse(_ text: String) -> Date? {
        var utf8 = Array(text.utf8)
        // trim whitespace
        while let last = utf8.last, last == 0x20 || last == 0x0A || last == 0x0D || last == 0x09 { utf8.removeLast() }
        var i = 0
        while i < utf8.count, utf8[i] == 0x20 || utf8[i] == 0x0A || utf8[i] == 0x0D || utf8[i] == 0x09 { i += 1 }
        func number(_ digits: Int) -> Int? {
            guard i + digits <= utf8.count else { return nil }
            var v = 0
            for k in 0..<digits {
                let c = utf8[i + k]
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int(c - 0x30)
            }
            i += digits
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < utf8.count, utf8[i] == c else { return false }
            i += 1
            return true
        }
        var negativeYear = false
        if i < utf8.count, utf8[i] == UInt8(ascii: "-") { negativeYear = true; i += 1 }
        guard var year = number(4), expect(UInt8(ascii: "-")), let month = number(2), expect(UInt8(ascii: "-")),
            let day = number(2)
        else { return nil }
        if negativeYear { year = -year }
        guard i < utf8.count, utf8[i] == UInt8(ascii: "T") || utf8[i] == UInt8(ascii: "t") || utf8[i] == 0x20 else {
            return nil
        }
        i += 1
        guard let hour = number(2), expect(UInt8(ascii: ":")), let minute = number(2), expect(UInt8(ascii: ":")),
            let second = number(2)
        else { return nil }
        guard (1...12).contains(month), (1...31).contains(day), hour <= 24, minute <= 59, second <= 60 else { return nil }
        var fraction = 0.0
        if i < utf8.count, utf8[i] == UInt8(ascii: ".") || utf8[i] == UInt8(ascii: ",") {
            i += 1
            var scale = 0.1
            var any = false
            while i < utf8.count, utf8[i] >= 0x30, utf8[i] <= 0x39 {
                fraction += Double(utf8[i] - 0x30) * scale
                scale /= 10
                i += 1
                any = true
            }
            guard any else { return nil }
        }
        var offset = 0
        if i < utf8.count {
            let c = utf8[i]
            if c == UInt8(ascii: "Z") || c == UInt8(ascii: "z") {
                i += 1
            } else if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                i += 1
                guard let oh = number(2) else { return nil }
                _ = expect(UInt8(ascii: ":"))
                let om = number(2) ?? 0
                offset = (oh * 3600 + om * 60) * (c == UInt8(ascii: "-") ? -1 : 1)
            }
        }
        guard i == utf8.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset) + fraction
        return Date(timeIntervalSince1970: seconds)
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
