/// A result already serialised to JSON bytes, spliced into the response as it is.
public struct EncodedJSON: Sendable, Hashable {
    /// The UTF-8 JSON text.
    public let bytes: [UInt8]

    /// Wraps bytes that are already valid JSON.
    public init(validJSONBytes bytes: [UInt8]) { self.bytes = bytes }

    /// `null`.
    public static let null = EncodedJSON(validJSONBytes: Array("null".utf8))

    /// Encodes a value with members in declaration order and explicit nulls, so the same value always gives the same bytes.
    public static func encoding(_ value: some Encodable) throws -> EncodedJSON {
        EncodedJSON(validJSONBytes: try JSONStreamEncoder().encode(value))
    }

    /// Serialises a `JSONValue`.
    public static func value(_ value: JSONValue) -> EncodedJSON {
        EncodedJSON(validJSONBytes: JSONWriter.bytes(value))
    }
}

extension EncodedJSON: Encodable {
    /// Encodes the value the bytes hold (parsed again): for an encoder other than the connection's, which takes
    /// the bytes as they are.
    public func encode(to encoder: any Encoder) throws {
        try JSONParser.parse(bytes).encode(to: encoder)
    }
}
