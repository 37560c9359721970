/// A request read in one pass without building a `JSONValue` tree, for reads answered on the hot path.
///
/// It recognises only the plain shape nearly every client sends: one object with the members `jsonrpc` (`"2.0"`),
/// `id` (an integer or a plain string), `method` (a plain string) and optionally `params` (an object), in any order,
/// where a plain string is printable ASCII with no escapes. Anything else (a batch, a notification, escapes,
/// non-ASCII, an unknown or repeated member, trailing bytes) is nil, and the message goes through `JSONParser` as
/// usual: the scanner never answers differently from the parser, it only declines.
struct ScannedRequest {
    /// The `id` exactly as written: digits, or a quoted plain string. `JSONWriter` would write the same bytes.
    var id: ArraySlice<UInt8>
    /// The method name.
    var method: String
    /// The `params` object exactly as written, or nil when absent.
    var params: ArraySlice<UInt8>?

    /// Ids longer than this take the general path (which refuses those over its own limit with a reason).
    private static let maximumIDBytes = 64

    /// Bigger messages are never the hot reads this is for: they go straight to the parser, unscanned.
    private static let maximumBodyBytes = 4_096

    init?(_ body: [UInt8]) {
        guard body.count <= Self.maximumBodyBytes else { return nil }
        var scanner = JSONScanner(body[...])
        guard scanner.consume(UInt8(ascii: "{")) else { return nil }
        var id: ArraySlice<UInt8>?
        var method: String?
        var params: ArraySlice<UInt8>?
        var sawVersion = false
        repeat {
            guard let key = scanner.plainString() else { return nil }
            guard scanner.consume(UInt8(ascii: ":")) else { return nil }
            switch key.count {
            case 7 where key.elementsEqual("jsonrpc".utf8):
                guard !sawVersion, let version = scanner.plainString(), version.elementsEqual("2.0".utf8) else { return nil }
                sawVersion = true
            case 2 where key.elementsEqual("id".utf8):
                guard id == nil, let literal = scanner.plainIDLiteral(), literal.count <= Self.maximumIDBytes else { return nil }
                id = literal
            case 6 where key.elementsEqual("method".utf8):
                guard method == nil, let name = scanner.plainString() else { return nil }
                method = String(decoding: name, as: UTF8.self)
            case 6 where key.elementsEqual("params".utf8):
                guard params == nil, let object = scanner.objectExtent() else { return nil }
                params = object
            default:
                return nil
            }
        } while scanner.consume(UInt8(ascii: ","))
        guard scanner.consume(UInt8(ascii: "}")), scanner.isAtEnd, sawVersion, let id, let method else { return nil }
        self.id = id
        self.method = method
        self.params = params
    }
}

/// Reads plain JSON pieces from bytes; every reader returns nil (and leaves the position unspecified) on anything
/// it does not recognise, for its caller to decline.
public struct JSONScanner {
    private let bytes: ArraySlice<UInt8>
    private var index: Int

    /// Scans `bytes` from their start.
    public init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.index = bytes.startIndex
    }

    /// Whether only whitespace is left.
    public var isAtEnd: Bool {
        var copy = self
        copy.skipWhitespace()
        return copy.index == bytes.endIndex
    }

    /// Skips whitespace, then consumes `byte` if it comes next.
    public mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard index < bytes.endIndex, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// A string of printable ASCII without escapes, without its quotes.
    public mutating func plainString() -> ArraySlice<UInt8>? {
        skipWhitespace()
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "\"") else { return nil }
        let start = index + 1
        var cursor = start
        while cursor < bytes.endIndex {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") {
                index = cursor + 1
                return bytes[start..<cursor]
            }
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
            cursor += 1
        }
        return nil
    }

    /// An id as written: a plain string with its quotes, or an integer (`0`, `-12`) without leading zeros.
    mutating func plainIDLiteral() -> ArraySlice<UInt8>? {
        skipWhitespace()
        guard index < bytes.endIndex else { return nil }
        let start = index
        if bytes[index] == UInt8(ascii: "\"") {
            guard plainString() != nil else { return nil }
            return bytes[start..<index]
        }
        var cursor = index
        if bytes[cursor] == UInt8(ascii: "-") { cursor += 1 }
        let digitsStart = cursor
        while cursor < bytes.endIndex, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 { cursor += 1 }
        let digits = cursor - digitsStart
        guard digits > 0, digits == 1 || bytes[digitsStart] != 0x30 else { return nil }
        // A fraction or an exponent is a valid id too, but rare: the parser takes it.
        if cursor < bytes.endIndex {
            switch bytes[cursor] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
            default: break
            }
        }
        index = cursor
        return bytes[start..<cursor]
    }

    /// An object as written, braces included, found by matching brackets outside strings; its content is not
    /// validated here (whoever reads it scans it again, or hands it to the parser).
    mutating func objectExtent() -> ArraySlice<UInt8>? {
        skipWhitespace()
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "{") else { return nil }
        let start = index
        var depth = 0
        var cursor = index
        var inString = false
        while cursor < bytes.endIndex {
            let byte = bytes[cursor]
            if inString {
                if byte == UInt8(ascii: "\\") {
                    cursor += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") { inString = false }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        index = cursor + 1
                        return bytes[start..<index]
                    }
                default: break
                }
            }
            cursor += 1
        }
        return nil
    }

    private mutating func skipWhitespace() {
        while index < bytes.endIndex {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The value of an object whose only member is `name` with a plain string value (`{"id":"a-1"}`), else nil.
    public static func onlyPlainStringMember(_ name: StaticString, of object: ArraySlice<UInt8>) -> String? {
        var scanner = JSONScanner(object)
        guard scanner.consume(UInt8(ascii: "{")), let key = scanner.plainString(),
              key.elementsEqual(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)),
              scanner.consume(UInt8(ascii: ":")), let value = scanner.plainString(),
              scanner.consume(UInt8(ascii: "}")), scanner.isAtEnd
        else { return nil }
        return String(decoding: value, as: UTF8.self)
    }
}
