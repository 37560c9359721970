import JSONRPC

/// Checks of decoded params that JSON types cannot express; each failure is `-32602` with the field and the reason.
enum Validation {
    /// A trimmed, non-empty text of at most `maxLength` characters.
    static func text(_ value: String, field: String, maxLength: Int = 200) throws(RPCError) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw RPCError.invalidParams(field: field, reason: "must not be empty") }
        guard trimmed.count <= maxLength else { throw RPCError.invalidParams(field: field, reason: "must be at most \(maxLength) characters") }
        return trimmed
    }

    /// A finite number within `range`.
    static func number(_ value: Double, in range: ClosedRange<Double>, field: String, unit: String) throws(RPCError) -> Double {
        guard value.isFinite, range.contains(value) else {
            throw RPCError.invalidParams(field: field, reason: "must be between \(format(range.lowerBound)) and \(format(range.upperBound)) \(unit), got \(format(value))")
        }
        return value
    }

    /// An integer within `range`.
    static func integer(_ value: Int, in range: ClosedRange<Int>, field: String, unit: String) throws(RPCError) -> Int {
        guard range.contains(value) else {
            throw RPCError.invalidParams(field: field, reason: "must be between \(range.lowerBound) and \(range.upperBound) \(unit), got \(value)")
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
        return trimmed
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

import Foundation
