/// How messages are delimited on the byte stream.
public enum Framing: String, Sendable, CaseIterable {
    /// LSP base protocol: `Content-Length: N` headers, a blank line, then N bytes.
    case contentLength = "content-length"
    /// One JSON message per line, as MCP's stdio transport and shell scripts use.
    case newlineDelimited = "newline"

    /// Frames an outgoing message body.
    public func frame(_ body: [UInt8]) -> [UInt8] {
        switch self {
        case .contentLength:
            var output = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
            output.append(contentsOf: body)
            return output
        case .newlineDelimited:
            var output = body
            output.append(0x0A)
            return output
        }
    }
}
