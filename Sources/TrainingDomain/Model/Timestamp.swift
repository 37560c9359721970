/// RFC 3339 instants: formatting with an offset and parsing, without Foundation's formatters.
public enum Timestamp {
    /// Formats `epochSeconds` as RFC 3339 in the zone `utcOffsetSeconds` (`Z` for 0), with `fractionDigits` (0 … 6).
    public static func format(epochSeconds: Double, utcOffsetSeconds: Int = 0, fractionDigits: Int = 0) -> String {
        precondition((0...6).contains(fractionDigits), "fractionDigits must be 0 … 6")
        var scaleInt = 1
        for _ in 0..<fractionDigits { scaleInt *= 10 }
        let scale = Double(scaleInt)
        let ticks = Int((epochSeconds * scale).rounded(.down))
        var wholeSeconds = ticks >= 0 ? ticks / scaleInt : (ticks - scaleInt + 1) / scaleInt
        let fraction = ticks - wholeSeconds * scaleInt
        wholeSeconds += utcOffsetSeconds
        let days = wholeSeconds >= 0 ? wholeSeconds / 86_400 : (wholeSeconds - 86_399) / 86_400
        let secondOfDay = wholeSeconds - days * 86_400
        let date = CalendarDate(daysSinceEpoch: days).description
        let offsetHours = abs(utcOffsetSeconds) / 3600
        let offsetHourDigits = max(2, String(offsetHours).utf8.count)
        // `Thh:mm:ss` (9 bytes), `.` and the fraction (1 + fractionDigits), then `Z` or `±hh:mm` (offsetHourDigits + 4).
        let capacity = date.utf8.count + 9 + 1 + fractionDigits + offsetHourDigits + 4
        // Written byte by byte into the string's own storage: every stored activity and reply has timestamps.
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var count = 0
            func append(_ byte: UInt8) {
                buffer[count] = byte
                count += 1
            }
            func append(_ value: Int, digits: Int) {
                var divisor = 1
                for _ in 1..<digits { divisor *= 10 }
                while divisor > 0 {
                    append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                    divisor /= 10
                }
            }
            for byte in date.utf8 { append(byte) }
            append(UInt8(ascii: "T"))
            append(secondOfDay / 3600, digits: 2)
            append(UInt8(ascii: ":"))
            append(secondOfDay / 60 % 60, digits: 2)
            append(UInt8(ascii: ":"))
            append(secondOfDay % 60, digits: 2)
            if fractionDigits > 0 {
                append(UInt8(ascii: "."))
                append(fraction, digits: fractionDigits)
            }
            if utcOffsetSeconds == 0 {
                append(UInt8(ascii: "Z"))
            } else {
                let magnitude = abs(utcOffsetSeconds)
                append(UInt8(ascii: utcOffsetSeconds < 0 ? "-" : "+"))
                append(offsetHours, digits: offsetHourDigits)
                append(UInt8(ascii: ":"))
                append(magnitude / 60 % 60, digits: 2)
            }
            return count
        }
    }

    /// Parses an RFC 3339 date-time with a mandatory offset (`Z` or `±hh:mm`): the instant and the offset in seconds.
    public static func parse(_ text: String) -> (epochSeconds: Double, utcOffsetSeconds: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, let date = CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self)),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") || bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let hour = digits(bytes, 11, 2), let minute = digits(bytes, 14, 2), let second = digits(bytes, 17, 2),
              hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < bytes.count else { return nil }
        var offset = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                  let offsetHours = digits(bytes, index + 1, 2), let offsetMinutes = digits(bytes, index + 4, 2),
                  offsetHours <= 14, offsetMinutes < 60 else { return nil }
            offset = (offsetHours * 3600 + offsetMinutes * 60) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
        default:
            return nil
        }
        let local = Double(date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + min(second, 59)) + fraction
        return (local - Double(offset), offset)
    }

    /// The calendar date at `epochSeconds` in a zone `utcOffsetSeconds` from UTC.
    public static func localDate(epochSeconds: Double, utcOffsetSeconds: Int) -> CalendarDate {
        let local = Int((epochSeconds + Double(utcOffsetSeconds)).rounded(.down))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return CalendarDate(daysSinceEpoch: days)
    }

    private static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for index in start..<(start + count) {
            guard bytes[index] >= 48, bytes[index] <= 57 else { return nil }
            value = value * 10 + Int(bytes[index] - 48)
        }
        return value
    }
}
