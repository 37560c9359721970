/// A JSON value as it arrived on the wire; numbers keep their exact text so ids echo byte for byte.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The object's members, or nil when this is not an object.
    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The string, or nil when this is not a string.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The JSON type name used in error messages (`"object"`, `"array"`, …).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// A JSON number kept as its original text.
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
    /// The number exactly as written (`1`, `-0.5`, `1e3`).
    public let text: String

    /// Wraps already validated number text.
    public init(text: String) { self.text = text }

    /// Writes an integer.
    public init(_ value: Int) { self.text = String(value) }

    /// The value as a Double.
    public var doubleValue: Double {
        // An integer of at most 15 digits (ids, epoch seconds, durations) is exact in a Double: it is read without
        // the float parser, which a sync page would otherwise run tens of thousands of times.
        let integer = text.utf8.withContiguousStorageIfAvailable { utf8 -> Double? in
            let negative = utf8.first == UInt8(ascii: "-")
            let digits = UnsafeBufferPointer(rebasing: utf8[(negative ? 1 : 0)...])
            guard !digits.isEmpty, digits.count <= 15 else { return nil }
            var value = 0
            for byte in digits {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value &* 10 &+ Int(byte &- UInt8(ascii: "0"))
            }
            return negative ? -Double(value) : Double(value)
        }
        return (integer ?? nil) ?? Double(text) ?? .nan
    }

    public var description: String { text }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByNilLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(floatLiteral value: Double) { self = .number(JSONNumber(text: "\(value)")) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
