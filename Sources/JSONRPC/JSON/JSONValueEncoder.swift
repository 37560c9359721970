/// Encodes `Encodable` values to `JSONValue`, writing absent optionals as explicit `null` so every
/// documented field is present on the wire (Foundation's JSONEncoder drops them).
public struct JSONValueEncoder {
    /// Creates an encoder.
    public init() {}

    /// The JSON value of `value`.
    public func encode(_ value: some Encodable) throws -> JSONValue {
        let encoder = ValueEncoder(codingPath: [])
        try value.encode(to: encoder)
        return encoder.box.resolved()
    }

    /// A double as JSON: integral values without a fraction, non-finite values refused.
    static func number(_ value: Double, path: [any CodingKey]) throws -> JSONValue {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "non-finite number"))
        }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            return .number(JSONNumber(text: String(Int64(value))))
        }
        return .number(JSONNumber(text: "\(value)"))
    }
}

/// A slot an encoder writes its value into.
private final class ValueBox {
    var value: JSONValue?
    var object: [String: ValueBox] = [:]
    var array: [ValueBox] = []
    var kind: Kind = .single

    enum Kind { case single, object, array }

    func resolved() -> JSONValue {
        switch kind {
        case .single: return value ?? .null
        case .object: return .object(object.mapValues { $0.resolved() })
        case .array: return .array(array.map { $0.resolved() })
        }
    }
}

private final class ValueEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let box: ValueBox

    init(codingPath: [any CodingKey], box: ValueBox = ValueBox()) {
        self.codingPath = codingPath
        self.box = box
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if box.kind != .object { box.kind = .object; box.object = [:] }
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if box.kind != .array { box.kind = .array; box.array = [] }
        return UnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(box: box, codingPath: codingPath)
    }
}

private func encodeValue(_ value: some Encodable, into box: ValueBox, path: [any CodingKey]) throws {
    switch value {
    case let text as String: box.value = .string(text)
    case let flag as Bool: box.value = .bool(flag)
    case let number as Int: box.value = .number(JSONNumber(number))
    case let number as Int64: box.value = .number(JSONNumber(text: String(number)))
    case let number as Double: box.value = try JSONValueEncoder.number(number, path: path)
    case let json as JSONValue: box.value = json
    case let number as Float: box.value = try JSONValueEncoder.number(Double(number), path: path)
    case let number as any BinaryInteger: box.value = .number(JSONNumber(text: "\(number)"))
    default:
        try value.encode(to: ValueEncoder(codingPath: path, box: box))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: ValueBox
    let codingPath: [any CodingKey]

    private func slot(_ key: Key) -> ValueBox {
        let child = ValueBox()
        box.object[key.stringValue] = child
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { slot(key).value = .null }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeValue(value, into: slot(key), path: codingPath + [key])
    }

    // The concrete overloads synthesized `Encodable` calls: no dynamic casts on the hot path.
    mutating func encode(_ value: String, forKey key: Key) throws { slot(key).value = .string(value) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { slot(key).value = .bool(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { slot(key).value = .number(JSONNumber(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        slot(key).value = try JSONValueEncoder.number(value, path: codingPath + [key])
    }

    // Absent optionals become explicit nulls.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = slot(key)
        child.kind = .object
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = slot(key)
        child.kind = .array
        return UnkeyedContainer(box: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(codingPath: codingPath, box: box) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder(codingPath: codingPath + [key], box: slot(key)) }
}

private struct IndexKey: CodingKey {
    var stringValue: String { "\(intValue!)" }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let box: ValueBox
    let codingPath: [any CodingKey]
    var count: Int { box.array.count }

    private func slot() -> ValueBox {
        let child = ValueBox()
        box.array.append(child)
        return child
    }

    mutating func encodeNil() throws { slot().value = .null }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = codingPath + [IndexKey(count)]
        try encodeValue(value, into: slot(), path: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = slot()
        child.kind = .object
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: child, codingPath: codingPath + [IndexKey(count - 1)]))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = slot()
        child.kind = .array
        return UnkeyedContainer(box: child, codingPath: codingPath + [IndexKey(count - 1)])
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(codingPath: codingPath, box: slot()) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let box: ValueBox
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { box.kind = .single; box.value = .null }
    mutating func encode<T: Encodable>(_ value: T) throws {
        box.kind = .single
        try encodeValue(value, into: box, path: codingPath)
    }
}

extension JSONValue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .number(let number): try container.encode(number.doubleValue)
        case .string(let text): try container.encode(text)
        case .array(let elements): try container.encode(elements)
        case .object(let members): try container.encode(members)
        }
    }
}

extension JSONValue: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
        else if let number = try? container.decode(Double.self) { self = try JSONValueEncoder.number(number, path: decoder.codingPath) }
        else if let text = try? container.decode(String.self) { self = .string(text) }
        else if let elements = try? container.decode([JSONValue].self) { self = .array(elements) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }
}
