import Foundation

/// Splits an incoming byte stream into message bodies, whatever the read sizes; detects the framing from the first bytes.
///
/// Feed it bytes with `append(_:)` and take events with `next()` until it returns nil. An oversized
/// message is never buffered: its bytes are skipped as they arrive and the framer resynchronises.
public struct MessageFramer: Sendable {
    /// What the framer found in the stream.
    public enum Event: Equatable, Sendable {
        /// A complete message body.
        case message([UInt8])
        /// A message longer than the limit was skipped; `declaredBytes` is its size when a header said it.
        case oversized(declaredBytes: Int?)
        /// A header block that is not valid LSP framing; the framer skipped it.
        case invalidHeader(String)
        /// A line before the first message that starts neither a JSON message nor a header (a bare value, a
        /// stray line); it was skipped and detection goes on with the next line. The text is a short preview.
        case stray(String)
    }

    /// The framing in use, nil until detected from the first non-blank byte.
    public private(set) var framing: Framing?
    /// The largest message body accepted, in bytes.
    public let maximumMessageBytes: Int

    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var bytesToSkip = 0
    private var skippingLine = false
    private var resynchronizing = false
    private static let maximumHeaderBytes = 8 * 1024

    /// Creates a framer; `framing` nil means detect it.
    public init(framing: Framing? = nil, maximumMessageBytes: Int) {
        self.framing = framing
        self.maximumMessageBytes = maximumMessageBytes
    }

    /// Adds bytes read from the stream.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        var bytes = bytes[...]
        if bytesToSkip > 0 {
            let skipped = min(bytesToSkip, bytes.count)
            bytesToSkip -= skipped
            bytes = bytes.dropFirst(skipped)
        }
        if skippingLine {
            // The rest of an oversized line is dropped as it arrives, up to its newline.
            guard let newline = bytes.firstIndex(of: 0x0A) else { return }
            skippingLine = false
            bytes = bytes[bytes.index(after: newline)...]
        }
        if start > 0, start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
            scanned = 0
        } else if start > 65_536, start * 2 > buffer.count {
            buffer.removeSubrange(0..<start)
            scanned -= start
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete event, or nil when more bytes are needed.
    public mutating func next() -> Event? {
        if framing == nil {
            switch detectFraming() {
            case .needMoreBytes: return nil
            case .stray(let event): return event
            case .detected(let detected):
                framing = detected
                scanned = start
            }
        }
        switch framing! {
        case .newlineDelimited: return nextLine()
        case .contentLength: return nextContentLengthMessage()
        }
    }

    /// Marks the end of the input: a last line without its newline becomes complete (a message in newline
    /// framing, or a stray line before the first message). Take the remaining events with `next()`.
    public mutating func finish() {
        if skippingLine || bytesToSkip > 0 { return }
        if framing == nil || framing == .newlineDelimited { buffer.append(0x0A) }
    }

    private enum Detection {
        case needMoreBytes
        case stray(Event)
        case detected(Framing)
    }

    /// Decides the framing from the first line that is not blank: `{` or `[` starts a newline-delimited
    /// message, `Name:` starts an LSP header block. Anything else (a bare value, a stray line) is skipped as
    /// `.stray`, so one careless line does not cost the session. A UTF-8 byte-order mark is skipped.
    private mutating func detectFraming() -> Detection {
        while start < buffer.count {
            if Self.isBlank(buffer[start]) {
                start += 1
            } else if buffer[start] == 0xEF, start + 2 < buffer.count, buffer[start + 1] == 0xBB, buffer[start + 2] == 0xBF {
                start += 3
            } else if buffer[start] == 0xEF, buffer.count - start < 3 {
                return .needMoreBytes
            } else {
                break
            }
        }
        guard start < buffer.count else { return .needMoreBytes }
        if buffer[start] == UInt8(ascii: "{") || buffer[start] == UInt8(ascii: "[") { return .detected(.newlineDelimited) }
        // An LSP header name: token characters up to a colon.
        var index = start
        while index < buffer.count, index - start <= 64, Self.isTokenByte(buffer[index]) { index += 1 }
        if index == buffer.count, index - start <= 64 { return .needMoreBytes }
        if index > start, index < buffer.count, buffer[index] == UInt8(ascii: ":") { return .detected(.contentLength) }
        // A mangled LSP header (`Content-Length 12`) is still LSP framing: reported as a bad header, not a stray line.
        if Self.isContentHeaderName(buffer[start..<index]) { return .detected(.contentLength) }
        guard let newline = buffer[start...].firstIndex(of: 0x0A) else {
            if buffer.count - start > maximumMessageBytes {
                let preview = Self.preview(buffer[start...])
                skippingLine = true
                start = buffer.count
                scanned = start
                return .stray(.stray(preview))
            }
            return .needMoreBytes
        }
        let preview = Self.preview(buffer[start..<newline])
        start = newline + 1
        scanned = start
        return .stray(.stray(preview))
    }

    private static func isContentHeaderName(_ name: ArraySlice<UInt8>) -> Bool {
        let lowered = name.map { $0 | 0x20 }
        return lowered.elementsEqual("content-length".utf8) || lowered.elementsEqual("content-type".utf8)
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "-")
    }

    /// At most 80 characters of `bytes`, trimmed, for an error message.
    private static func preview(_ bytes: ArraySlice<UInt8>) -> String {
        var text = String(decoding: bytes.prefix(320), as: UTF8.self)
        while let last = text.unicodeScalars.last, last == "\r" || last == " " || last == "\t" { text.unicodeScalars.removeLast() }
        return EchoedText.quoted(text, limit: 80)
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private mutating func nextLine() -> Event? {
        while true {
            if scanned < start { scanned = start }
            guard let newline = Self.firstNewline(in: buffer, from: scanned) else {
                scanned = buffer.count
                if buffer.count - start > maximumMessageBytes {
                    skippingLine = true
                    start = buffer.count
                    scanned = start
                    return .oversized(declaredBytes: nil)
                }
                return nil
            }
            let line = buffer[start..<newline]
            start = newline + 1
            scanned = start
            if line.count > maximumMessageBytes { return .oversized(declaredBytes: nil) }
            var body = line
            while let last = body.last, Self.isBlank(last) { body = body.dropLast() }
            while let first = body.first, Self.isBlank(first) { body = body.dropFirst() }
            // Some writers put a byte-order mark before every message they write, not only the first.
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            if body.isEmpty { continue }
            return .message(Array(body))
        }
    }

    /// The index of the first line feed in `bytes` at or after `index`, found by `memchr` (a megabyte's line
    /// scanned byte by byte in Swift took ~6 instructions a byte on the reader thread).
    private static func firstNewline(in bytes: [UInt8], from index: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard index < buffer.count, let base = buffer.baseAddress,
                  let found = memchr(base + index, 0x0A, buffer.count - index) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    private mutating func nextContentLengthMessage() -> Event? {
        while true {
            // Blank lines between messages are tolerated.
            while start < buffer.count, Self.isBlank(buffer[start]) { start += 1 }
            guard start < buffer.count else { return nil }
            if resynchronizing {
                // After a bad header its body may follow: skip to the next header block.
                guard let next = nextHeaderStart() else { return nil }
                start = next
                scanned = next
                resynchronizing = false
            }
            guard let headerEnd = findHeaderEnd() else {
                if buffer.count - start > Self.maximumHeaderBytes {
                    start = buffer.count
                    return .invalidHeader("header block longer than \(Self.maximumHeaderBytes) bytes")
                }
                return nil
            }
            let headerBytes = buffer[start..<headerEnd.headerEnd]
            let bodyStart = headerEnd.bodyStart
            switch Self.parseContentLength(headerBytes) {
            case .failure(let error):
                // Resynchronise from the line after the first bad one: a stray line before a valid header
                // block then costs only itself, and a bad header's body is skipped up to the next header.
                let firstLineEnd = buffer[start..<headerEnd.headerEnd].firstIndex(of: 0x0A) ?? headerEnd.headerEnd
                start = min(firstLineEnd + 1, bodyStart)
                scanned = start
                resynchronizing = true
                return .invalidHeader(error.reason)
            case .success(let length):
                if length > maximumMessageBytes {
                    let available = buffer.count - bodyStart
                    if available >= length {
                        start = bodyStart + length
                    } else {
                        start = buffer.count
                        bytesToSkip = length - available
                    }
                    return .oversized(declaredBytes: length)
                }
                guard buffer.count - bodyStart >= length else { return nil }
                let body = Array(buffer[bodyStart..<(bodyStart + length)])
                start = bodyStart + length
                return .message(body)
            }
        }
    }

    /// The offset of the next `Content-Length:` (any case), or nil after keeping a possible partial match.
    private mutating func nextHeaderStart() -> Int? {
        let name = Array("content-length:".utf8)
        var index = start
        while index + name.count <= buffer.count {
            // A body need not end with a newline, so the next header may start anywhere.
            var matches = true
            for offset in 0..<name.count where buffer[index + offset] | 0x20 != name[offset] | 0x20 {
                matches = false
                break
            }
            if matches { return index }
            index += 1
        }
        start = max(start, buffer.count - name.count)
        return nil
    }

    /// Finds the blank line ending the header block (`\r\n\r\n`, or a lenient `\n\n`).
    private mutating func findHeaderEnd() -> (headerEnd: Int, bodyStart: Int)? {
        var index = max(scanned, start)
        while index < buffer.count {
            if buffer[index] == 0x0A {
                if index + 1 < buffer.count, buffer[index + 1] == 0x0A {
                    return (index, index + 2)
                }
                if index + 2 < buffer.count, buffer[index + 1] == 0x0D, buffer[index + 2] == 0x0A {
                    return (index, index + 3)
                }
                if index + 1 >= buffer.count || (index + 2 >= buffer.count && buffer[index + 1] == 0x0D) {
                    scanned = index
                    return nil
                }
            }
            index += 1
        }
        scanned = index
        return nil
    }

    private static func parseContentLength(_ header: ArraySlice<UInt8>) -> Result<Int, HeaderError> {
        var length: Int?
        for rawLine in header.split(separator: 0x0A) {
            var line = rawLine
            if line.last == 0x0D { line = line.dropLast() }
            if line.isEmpty { continue }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                return .failure(HeaderError("header line without ':'"))
            }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).trimmingBlanks().lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingBlanks()
            if name == "content-length" {
                guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), value.utf8.count <= 18, let parsed = Int(value) else {
                    return .failure(HeaderError("Content-Length is not a non-negative integer: \"\(value.prefix(40))\""))
                }
                length = parsed
            }
        }
        guard let length else { return .failure(HeaderError("missing Content-Length header")) }
        return .success(length)
    }

    private struct HeaderError: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}

private extension String {
    func trimmingBlanks() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
