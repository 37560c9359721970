/// Shortens text quoted back to a client, so an error never echoes a huge offending value.
public enum EchoedText {
    /// The most characters of an offending value quoted in an error: 200.
    public static let maximumQuotedCharacters = 200
    /// Strings in an error object longer than this (1,024 characters) are shortened by the connection.
    public static let maximumErrorStringCharacters = 1_024

    /// `text` itself when it has at most `limit` characters, else its first `limit` characters and "…".
    public static func quoted(_ text: some StringProtocol, limit: Int = maximumQuotedCharacters) -> String {
        var end = text.startIndex
        var count = 0
        while end < text.endIndex {
            if count == limit { return String(text[..<end]) + "…" }
            end = text.index(after: end)
            count += 1
        }
        return String(text)
    }

    /// `text` when short; else its head and tail around a note of what was left out, so the reason that
    /// usually ends an error message survives.
    static func shortened(_ text: String) -> String {
        guard text.utf8.count > maximumErrorStringCharacters else { return text }
        let count = text.count
        guard count > maximumErrorStringCharacters else { return text }
        let keep = maximumQuotedCharacters
        let head = text.prefix(keep)
        let tail = text.suffix(keep)
        return "\(head)… (\(count - 2 * keep) characters omitted) …\(tail)"
    }

    /// `value` with every long string (keys included) shortened.
    static func shortened(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): return .string(shortened(text))
        case .array(let elements): return .array(elements.map(shortened))
        case .object(let members):
            var copy: [String: JSONValue] = [:]
            for (key, member) in members { copy[shortened(key)] = shortened(member) }
            return .object(copy)
        default: return value
        }
    }
}

extension RPCError {
    /// The error with every long string in its message and data shortened (see `EchoedText`).
    public var shortenedForWire: RPCError {
        RPCError(code: code, message: EchoedText.shortened(message), data: data.map(EchoedText.shortened))
    }
}
