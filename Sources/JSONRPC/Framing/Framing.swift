/// How messages are delimited on the byte stream.
public enum Framing: String, Sendable, CaseIterable {
    /// LSP base protocol: `Content-Length: N` headers, a blank line, then N bytes.
    case contentLength = "content-length"
    /// One JSON message per line, as MCP's stdio transport and shell scripts use.
    case newlineDelimited = "newline"

    /// Appends the framed `body` to `output`.
    public func append(_ body: [UInt8], to output: inout [UInt8]) {
        switch self {
        case .contentLength:
            output.append(contentsOf: "Content-Length: \(body.count)\r\n\r\n".utf8)
            output.append(contentsOf: body)
        case .newlineDelimited:
            output.append(contentsOf: body)
            output.append(0x0A)
        }
    }

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
