/// Writes one JSON object member by member, to the same bytes `EncodedJSON.encoding` gives for a `Codable` value
/// (members in the order written, nil as `null`, integral doubles without a fraction): for hand-written encoders
/// of hot results, which a test compares with the `Codable` encoding.
public struct JSONObjectWriter {
    private var bytes: [UInt8]
    private var isFirst = true
    private var isValid = true

    /// Starts an object, reserving `capacity` bytes.
    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
        bytes.append(UInt8(ascii: "{"))
    }

    /// Writes `"key":`; keys are plain ASCII names that need no escaping.
    private mutating func key(_ key: StaticString) {
        if !isFirst { bytes.append(UInt8(ascii: ",")) }
        isFirst = false
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(contentsOf: "\":".utf8)
    }

    /// A string member, or `null`.
    public mutating func member(_ name: StaticString, _ value: String?) {
        key(name)
        guard let value else { return bytes.append(contentsOf: "null".utf8) }
        JSONWriter.writeString(value, into: &bytes)
    }

    /// An integer member, or `null`.
    public mutating func member(_ name: StaticString, _ value: Int?) {
        key(name)
        guard let value else { return bytes.append(contentsOf: "null".utf8) }
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A number member, or `null`; a non-finite number makes the whole object invalid (see `finish`).
    public mutating func member(_ name: StaticString, _ value: Double?) {
        key(name)
        guard let value else { return bytes.append(contentsOf: "null".utf8) }
        guard let number = try? JSONValueEncoder.number(value, path: []) else {
            isValid = false
            return
        }
        JSONWriter.write(number, into: &bytes)
    }

    /// A boolean member.
    public mutating func member(_ name: StaticString, _ value: Bool) {
        key(name)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// A member holding any JSON value, or `null`.
    public mutating func member(_ name: StaticString, json value: JSONValue?) {
        key(name)
        JSONWriter.write(value ?? .null, into: &bytes)
    }

    /// A member holding JSON already encoded (a nested object written directly or by `EncodedJSON.encoding`), or `null`.
    public mutating func member(_ name: StaticString, encoded value: EncodedJSON?) {
        key(name)
        bytes.append(contentsOf: value?.bytes ?? Array("null".utf8))
    }

    /// The object's bytes, or nil when a member could not be written (a non-finite number, which `Codable`
    /// encoding refuses too).
    public mutating func finish() -> EncodedJSON? {
        guard isValid else { return nil }
        bytes.append(UInt8(ascii: "}"))
        return EncodedJSON(validJSONBytes: bytes)
    }
}
