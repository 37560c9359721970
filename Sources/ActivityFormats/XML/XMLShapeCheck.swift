/// One linear pass over XML bytes that refuses shapes on which Foundation's `XMLParser` turns super-linear.
///
/// The known case is an element with a huge number of attributes: the parser builds an attribute dictionary
/// in time quadratic in their count (200,000 attributes took 24 s). No GPX or TCX writer puts more than a
/// handful of attributes on an element, so an element with more than `maximumAttributesPerElement` is refused
/// before the parser sees it. Comments, CDATA, processing instructions, declarations and quoted values are
/// stepped over, so a `=` or `>` inside them is not counted.
enum XMLShapeCheck {
    /// The most attributes (namespace declarations included) accepted on one element: 256.
    static let maximumAttributesPerElement = 256

    /// Why `bytes` must not reach the parser (where and what), or nil.
    static func refusal(_ bytes: [UInt8]) -> (location: String, detail: String)? {
        bytes.withUnsafeBufferPointer { buffer -> (location: String, detail: String)? in
            let count = buffer.count
            var index = 0
            while index < count {
                guard buffer[index] == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                let tagStart = index
                let next = index + 1 < count ? buffer[index + 1] : 0
                if next == UInt8(ascii: "!") {
                    if matches(buffer, at: index, "<!--") {
                        index = end(of: "-->", in: buffer, from: index + 4)
                    } else if matches(buffer, at: index, "<![CDATA[") {
                        index = end(of: "]]>", in: buffer, from: index + 9)
                    } else {
                        index = endOfDeclaration(buffer, from: index + 2)
                    }
                } else if next == UInt8(ascii: "?") {
                    index = end(of: "?>", in: buffer, from: index + 2)
                } else {
                    // A start or end tag: count the `=` outside quoted values up to the closing `>`.
                    var attributes = 0
                    var quote: UInt8 = 0
                    index += 1
                    while index < count {
                        let byte = buffer[index]
                        if quote != 0 {
                            if byte == quote { quote = 0 }
                        } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                            quote = byte
                        } else if byte == UInt8(ascii: "=") {
                            attributes += 1
                            if attributes > maximumAttributesPerElement {
                                return ("byte \(tagStart)", "an element with more than \(maximumAttributesPerElement) attributes; no GPX or TCX file has so many")
                            }
                        } else if byte == UInt8(ascii: ">") {
                            break
                        }
                        index += 1
                    }
                    index += 1
                }
            }
            return nil
        }
    }

    private static func matches(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int, _ text: StaticString) -> Bool {
        let length = text.utf8CodeUnitCount
        guard index + length <= buffer.count else { return false }
        let pointer = text.utf8Start
        for offset in 0..<length where buffer[index + offset] != pointer[offset] { return false }
        return true
    }

    /// The index after the first `terminator` at or after `start`, or the end of the buffer.
    private static func end(of terminator: StaticString, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let first = terminator.utf8Start[0]
        var index = start
        while index < buffer.count {
            if buffer[index] == first, matches(buffer, at: index, terminator) { return index + terminator.utf8CodeUnitCount }
            index += 1
        }
        return buffer.count
    }

    /// The index after a `<!DOCTYPE …>`-like declaration, whose internal subset `[…]` and quoted strings may hold `>`.
    private static func endOfDeclaration(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        var depth = 0
        var quote: UInt8 = 0
        while index < buffer.count {
            let byte = buffer[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "]") {
                depth = max(0, depth - 1)
            } else if byte == UInt8(ascii: ">"), depth == 0 {
                return index + 1
            }
            index += 1
        }
        return buffer.count
    }
}
