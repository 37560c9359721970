import Foundation
import JSONRPC

/// Checks of decoded params that JSON types cannot express; each failure is `-32602` with the field and the reason.
enum Validation {
    /// Whether a text is one line (names, ids, places) or may hold line breaks and tabs (notes).
    enum TextLayout {
        /// No control character at all.
        case singleLine
        /// Tabs and line breaks allowed; other control characters refused.
        case multiLine
    }

    /// A trimmed, non-empty text of at most `maxLength` characters without control characters (NUL included).
    ///
    /// `field` is spelled out only for an error (a sync page validates thousands of items).
    static func text(_ value: String, field: @autoclosure () -> String, maxLength: Int = 200, layout: TextLayout = .singleLine) throws(RPCError) -> String {
        let trimmed = trimmingWhitespace(value)
        guard !trimmed.isEmpty else { throw RPCError.invalidParams(field: field(), reason: "must not be empty") }
        guard trimmed.utf8.count <= maxLength || trimmed.count <= maxLength else {
            throw RPCError.invalidParams(field: field(), reason: "must be at most \(maxLength) characters")
        }
        try refuseControlCharacters(in: trimmed, field: field(), layout: layout)
        return trimmed
    }

    /// `value` without leading and trailing white space and line breaks (`CharacterSet.whitespacesAndNewlines`); a value
    /// whose first and last characters are neither is returned as it is, without Foundation's trimming.
    static func trimmingWhitespace(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last,
              !whitespaceAndNewlines.contains(first), !whitespaceAndNewlines.contains(last) else {
            return value.trimmingCharacters(in: whitespaceAndNewlines)
        }
        return value
    }

    /// Built once: the `CharacterSet` getter builds a new set on every call.
    private static let whitespaceAndNewlines = CharacterSet.whitespacesAndNewlines

    /// Refuses C0 controls (NUL included), DEL and C1 controls; `.multiLine` lets tab, line feed and carriage return through.
    ///
    /// GRDB binds text up to its first NUL (the store's direct bindings would keep it, and the two would disagree), so a
    /// NUL would be cut silently or stored inconsistently; the other controls make no
    /// sense in a name, an id, a time zone or a path and would come back to haunt a terminal or a calendar.
    static func refuseControlCharacters(in value: String, field: @autoclosure () -> String, layout: TextLayout = .singleLine) throws(RPCError) {
        for (offset, scalar) in value.unicodeScalars.enumerated() where isControl(scalar, layout: layout) {
            let code = String(scalar.value, radix: 16, uppercase: true)
            throw RPCError.invalidParams(
                field: field(), reason: "must not contain control characters: U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code) at character \(offset)"
            )
        }
    }

    private static func isControl(_ scalar: Unicode.Scalar, layout: TextLayout) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: layout == .singleLine
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// A finite number within `range`.
    static func number(_ value: Double, in range: ClosedRange<Double>, field: @autoclosure () -> String, unit: String) throws(RPCError) -> Double {
        guard value.isFinite, range.contains(value) else {
            throw RPCError.invalidParams(field: field(), reason: "must be between \(format(range.lowerBound)) and \(format(range.upperBound)) \(unit), got \(format(value))")
        }
        return value
    }

    /// An integer within `range`.
    static func integer(_ value: Int, in range: ClosedRange<Int>, field: @autoclosure () -> String, unit: String) throws(RPCError) -> Int {
        guard range.contains(value) else {
            throw RPCError.invalidParams(field: field(), reason: "must be between \(range.lowerBound) and \(range.upperBound) \(unit), got \(value)")
        }
        return value
    }

    /// A plausible e-mail address.
    static func email(_ value: String, field: String) throws(RPCError) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard trimmed.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !trimmed.contains(" ") else {
            throw RPCError.invalidParams(field: field, reason: "must be an e-mail address like runner@example.com")
        }
        try refuseControlCharacters(in: trimmed, field: field)
        return trimmed
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// At most `maxLength` characters of a client's value, for echoing it in an error: a 1 MB id comes back as its
    /// first characters and `…`, never whole.
    static func excerpt(_ value: String, maxLength: Int = 64) -> String {
        value.count <= maxLength ? value : value.prefix(maxLength) + "…"
    }
}
