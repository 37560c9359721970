/// Encodes `Encodable` values to `JSONValue`, absent optionals as explicit `null`: the bytes of
/// `JSONStreamEncoder`, parsed back, so both agree by construction.
public struct JSONValueEncoder {
    /// Creates an encoder.
    public init() {}

    /// The JSON value of `value`.
    public func encode(_ value: some Encodable) throws -> JSONValue {
        try JSONParser.parse(JSONStreamEncoder().encode(value))
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
