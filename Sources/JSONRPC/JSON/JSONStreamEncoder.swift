/// Encodes `Encodable` values straight to JSON bytes in one buffer: members in declaration order, absent
/// optionals as explicit `null`, dictionaries and `JSONValue`s with sorted keys. The fast path for every result.
///
/// Containers are written as they are opened and closed when the value's `encode(to:)` returns, which is how
/// synthesized conformances use them; a nested container must be filled before its parent goes on.
public struct JSONStreamEncoder {
    /// Creates an encoder.
    public init() {}

    /// The JSON bytes of `value`.
    public func encode(_ value: some Encodable) throws -> [UInt8] {
        let sink = ByteSink()
        try sink.write(value, path: [])
        return sink.bytes
    }
}

private final class ByteSink {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(512) }

    /// Writes `value`; `path` (its coding path, for errors and nested encoders) is built only when one needs it.
    func write<T: Encodable>(_ value: T, path: @autoclosure () -> [any CodingKey]) throws {
        // The common leaves by type identity first: a metadata comparison, where a failed `as` cast is a runtime call.
        if T.self == String.self { return JSONWriter.writeString(unsafeBitCast(value, to: String.self), into: &bytes) }
        if T.self == Double.self { return try writeNumber(unsafeBitCast(value, to: Double.self), path: path()) }
        if T.self == Int.self { return bytes.append(contentsOf: String(unsafeBitCast(value, to: Int.self)).utf8) }
        if T.self == Bool.self { return bytes.append(contentsOf: (unsafeBitCast(value, to: Bool.self) ? "true" : "false").utf8) }
        switch value {
        case let text as String: JSONWriter.writeString(text, into: &bytes)
        case let number as Double: try writeNumber(number, path: path())
        case let number as Int: bytes.append(contentsOf: String(number).utf8)
        case let flag as Bool: bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case let json as JSONValue: JSONWriter.write(json, into: &bytes)
        case let number as Float: try writeNumber(Double(number), path: path())
        case let number as any BinaryInteger: bytes.append(contentsOf: "\(number)".utf8)
        case let dictionary as [String: any Encodable]:
            // Dictionaries iterate in no fixed order: their keys are sorted so the bytes are deterministic.
            bytes.append(UInt8(ascii: "{"))
            for (position, key) in dictionary.keys.sorted().enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONWriter.writeString(key, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                try write(dictionary[key]!, path: path() + [DictionaryKey(key)])
            }
            bytes.append(UInt8(ascii: "}"))
        default:
            let encoder = StreamEncoder(sink: self, codingPath: path())
            try value.encode(to: encoder)
            encoder.finish()
        }
    }

    func writeNumber(_ value: Double, path: [any CodingKey]) throws {
        JSONWriter.write(try JSONValueEncoder.number(value, path: path), into: &bytes)
    }

    func append(_ byte: UInt8) { bytes.append(byte) }
}

private final class StreamEncoder: Encoder {
    enum State { case empty, keyed, unkeyed, single }

    let sink: ByteSink
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var state = State.empty
    var needsComma = false
    var closers: [UInt8] = []

    init(sink: ByteSink, codingPath: [any CodingKey]) {
        self.sink = sink
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if state == .empty {
            state = .keyed
            sink.append(UInt8(ascii: "{"))
        }
        return KeyedEncodingContainer(StreamKeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if state == .empty {
            state = .unkeyed
            sink.append(UInt8(ascii: "["))
        }
        return StreamUnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        StreamSingleContainer(encoder: self)
    }

    /// Starts the next member or element.
    func separate() {
        if needsComma { sink.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    func writeKey(_ key: some CodingKey) {
        separate()
        JSONWriter.writeString(key.stringValue, into: &sink.bytes)
        sink.append(UInt8(ascii: ":"))
    }

    /// Closes what this encoder opened (nested containers first); an encoder that wrote nothing is `{}`.
    func finish() {
        for closer in closers.reversed() { sink.append(closer) }
        closers.removeAll()
        switch state {
        case .empty: sink.bytes.append(contentsOf: Array("{}".utf8))
        case .keyed: sink.append(UInt8(ascii: "}"))
        case .unkeyed: sink.append(UInt8(ascii: "]"))
        case .single: break
        }
    }

    func nested(opening: UInt8, closing: UInt8, path: [any CodingKey]) -> StreamEncoder {
        sink.append(opening)
        let child = StreamEncoder(sink: sink, codingPath: path)
        child.state = opening == UInt8(ascii: "{") ? .keyed : .unkeyed
        // The child closes when this encoder finishes.
        closers.append(closing)
        return child
    }
}

private struct StreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: StreamEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws {
        encoder.writeKey(key)
        encoder.sink.bytes.append(contentsOf: Array("null".utf8))
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        encoder.writeKey(key)
        try encoder.sink.write(value, path: codingPath + [key])
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        encoder.writeKey(key)
        JSONWriter.writeString(value, into: &encoder.sink.bytes)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        encoder.writeKey(key)
        try encoder.sink.writeNumber(value, path: codingPath + [key])
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        encoder.writeKey(key)
        encoder.sink.bytes.append(contentsOf: String(value).utf8)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        encoder.writeKey(key)
        encoder.sink.bytes.append(contentsOf: (value ? "true" : "false").utf8)
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
        encoder.writeKey(key)
        let child = encoder.nested(opening: UInt8(ascii: "{"), closing: UInt8(ascii: "}"), path: codingPath + [key])
        return KeyedEncodingContainer(StreamKeyedContainer<NestedKey>(encoder: child))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.writeKey(key)
        let child = encoder.nested(opening: UInt8(ascii: "["), closing: UInt8(ascii: "]"), path: codingPath + [key])
        return StreamUnkeyedContainer(encoder: child)
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.writeKey(key)
        let child = StreamEncoder(sink: encoder.sink, codingPath: codingPath + [key])
        return DeferredFinishEncoder(child)
    }
}

private struct StreamUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: StreamEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    private(set) var count = 0

    init(encoder: StreamEncoder) { self.encoder = encoder }

    mutating func encodeNil() throws {
        encoder.separate()
        encoder.sink.bytes.append(contentsOf: Array("null".utf8))
        count += 1
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.separate()
        try encoder.sink.write(value, path: codingPath + [ElementKey(count)])
        count += 1
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        encoder.separate()
        count += 1
        let child = encoder.nested(opening: UInt8(ascii: "{"), closing: UInt8(ascii: "}"), path: codingPath + [ElementKey(count - 1)])
        return KeyedEncodingContainer(StreamKeyedContainer<NestedKey>(encoder: child))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        encoder.separate()
        count += 1
        let child = encoder.nested(opening: UInt8(ascii: "["), closing: UInt8(ascii: "]"), path: codingPath + [ElementKey(count - 1)])
        return StreamUnkeyedContainer(encoder: child)
    }

    mutating func superEncoder() -> any Encoder {
        encoder.separate()
        count += 1
        return DeferredFinishEncoder(StreamEncoder(sink: encoder.sink, codingPath: codingPath + [ElementKey(count - 1)]))
    }
}

private struct StreamSingleContainer: SingleValueEncodingContainer {
    let encoder: StreamEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws {
        encoder.state = .single
        encoder.sink.bytes.append(contentsOf: Array("null".utf8))
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.state = .single
        try encoder.sink.write(value, path: codingPath)
    }
}

/// A super encoder's value is closed when its container's encoder finishes; rare, kept simple: it closes itself
/// as soon as it is released.
private final class DeferredFinishEncoder: Encoder {
    let inner: StreamEncoder
    var codingPath: [any CodingKey] { inner.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ inner: StreamEncoder) { self.inner = inner }
    deinit { inner.finish() }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> { inner.container(keyedBy: type) }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { inner.unkeyedContainer() }
    func singleValueContainer() -> any SingleValueEncodingContainer { inner.singleValueContainer() }
}

private struct DictionaryKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ key: String) { stringValue = key }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

private struct ElementKey: CodingKey {
    var stringValue: String { "\(intValue!)" }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}
