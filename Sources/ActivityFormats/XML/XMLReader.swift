/// A small non-validating XML reader: one pass over UTF-8 bytes, reporting elements and text to an `XMLEventHandler`.
///
/// It reads what GPX and TCX files hold and refuses the rest with an `XMLReadError` at the first mistake, after
/// reporting everything before it. Skipped: the XML declaration, processing instructions, comments and a
/// `<!DOCTYPE>` without internal subset. CDATA sections are text. Only the five predefined entities and character
/// references are decoded: a DOCTYPE with an internal subset (where entities would be declared) is refused, so no
/// entity is ever expanded and nothing outside the input is read. Namespaces are not processed: names are reported
/// as written (`gpxtpx:hr`) and `xmlns` declarations are plain attributes.
///
/// Time and memory are linear in the input: every byte is looked at a bounded number of times, an element's
/// attributes are kept in a dictionary (at most `maximumAttributesPerElement` of them), open elements are kept as
/// byte ranges, and one text run (text, references, CDATA, split by comments or processing instructions) is
/// collected in one buffer and reported in one `characters` call. The input must be valid UTF-8.
struct XMLReader {
    /// The most attributes (namespace declarations included) accepted on one element: 256.
    static let maximumAttributesPerElement = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where the document starts (after a BOM and whitespace): the only place for an XML declaration.
    private let documentStart: Int
    private var index: Int
    /// Names of the open elements, as ranges of `bytes`.
    private var open: [Range<Int>] = []
    /// Whether the root element has started, and whether it has been closed.
    private var rootStarted = false
    private var rootClosed = false
    private var sawDoctype = false
    /// The text run not yet reported.
    private var text: [UInt8] = []
    /// The attribute value being read.
    private var value: [UInt8] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) {
        self.bytes = bytes
        documentStart = start
        index = start
    }

    /// Reads `bytes` from `start` (where a BOM and leading whitespace end), reporting to `handler`; throws the first error.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, handler: some XMLEventHandler) throws(XMLReadError) {
        var reader = XMLReader(bytes, from: min(max(0, start), bytes.count))
        do {
            try reader.document(handler)
        } catch {
            // Text read before the error is reported too.
            reader.flushText(handler)
            throw error
        }
    }

    /// `read` over an array.
    static func read(_ bytes: [UInt8], from start: Int = 0, handler: some XMLEventHandler) throws(XMLReadError) {
        let result: Result<Void, XMLReadError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(XMLReadError) {
                try read(buffer, from: start, handler: handler)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    // MARK: - Document and content

    private mutating func document<H: XMLEventHandler>(_ handler: H) throws(XMLReadError) {
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == XMLByte.lessThan {
                try markup(handler)
            } else if !open.isEmpty {
                try textRun()
            } else if XMLByte.isWhitespace(byte) {
                index += 1
            } else {
                throw error(rootClosed ? .contentAfterRootElement : .textBeforeRootElement)
            }
        }
        flushText(handler)
        if !open.isEmpty { throw error(.endsBeforeElementsAreClosed(inside: nil)) }
        if !rootStarted { throw error(.noRootElement) }
    }

    /// Markup at a `<`: a tag, comment, CDATA section, processing instruction or declaration.
    private mutating func markup<H: XMLEventHandler>(_ handler: H) throws(XMLReadError) {
        guard index + 1 < bytes.count else { throw truncated("a tag") }
        switch bytes[index + 1] {
        case XMLByte.slash:
            flushText(handler)
            try endTag(handler)
        case XMLByte.question:
            try processingInstruction()
        case XMLByte.exclamation:
            if starts(with: "<!--") {
                try comment()
            } else if starts(with: "<![CDATA[") {
                guard !open.isEmpty else { throw error(rootClosed ? .contentAfterRootElement : .textBeforeRootElement) }
                try cdata()
            } else if starts(with: "<!DOCTYPE") {
                try doctype()
            } else if isPrefixAtEnd(of: ["<!--", "<![CDATA[", "<!DOCTYPE"]) {
                throw truncated("a declaration")
            } else {
                throw error(.malformedDeclaration)
            }
        default:
            guard !rootClosed else { throw error(.contentAfterRootElement) }
            flushText(handler)
            try startTag(handler)
        }
    }

    /// Text up to the next `<` (or the end), references decoded and line ends normalised, added to the pending run.
    private mutating func textRun() throws(XMLReadError) {
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case XMLByte.lessThan:
                return
            case XMLByte.ampersand:
                Self.appendUTF8(try reference(), to: &text)
            case XMLByte.carriageReturn:
                text.append(XMLByte.lineFeed)
                index += 1
                if index < count, bytes[index] == XMLByte.lineFeed { index += 1 }
            case XMLByte.greaterThan:
                if index >= 2, bytes[index - 1] == XMLByte.rightBracket, bytes[index - 2] == XMLByte.rightBracket {
                    throw error(.cdataEndInText)
                }
                text.append(byte)
                index += 1
            default:
                if byte < 0x20, byte != XMLByte.tab, byte != XMLByte.lineFeed { throw error(.forbiddenCharacter(UInt32(byte))) }
                let start = index
                index += 1
                while index < count {
                    let next = bytes[index]
                    if next < 0x20 || next == XMLByte.lessThan || next == XMLByte.ampersand || next == XMLByte.greaterThan { break }
                    index += 1
                }
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            }
        }
    }

    private mutating func flushText<H: XMLEventHandler>(_ handler: H) {
        guard !text.isEmpty else { return }
        handler.characters(String(decoding: text, as: UTF8.self))
        text.removeAll(keepingCapacity: true)
    }

    // MARK: - Tags

    private mutating func startTag<H: XMLEventHandler>(_ handler: H) throws(XMLReadError) {
        let tagStart = index
        index += 1
        let nameRange = try name()
        var attributes: [String: String] = [:]
        var attributeCount = 0
        while true {
            let hadSpace = skipWhitespace()
            guard index < bytes.count else { throw truncated("a tag") }
            let byte = bytes[index]
            if byte == XMLByte.greaterThan {
                index += 1
                open.append(nameRange)
                rootStarted = true
                handler.startElement(name: string(nameRange), attributes: attributes)
                return
            }
            if byte == XMLByte.slash {
                guard index + 1 < bytes.count else { throw truncated("a tag") }
                guard bytes[index + 1] == XMLByte.greaterThan else { throw error(.unfinishedTag(detail: "a '/' not followed by '>'")) }
                index += 2
                rootStarted = true
                let elementName = string(nameRange)
                handler.startElement(name: elementName, attributes: attributes)
                handler.endElement(name: elementName)
                if open.isEmpty { rootClosed = true }
                return
            }
            guard hadSpace else {
                throw error(.unfinishedTag(detail: "expected whitespace, '>' or '/>' after the name or a value"))
            }
            let attributeStart = index
            let attributeName = string(try name())
            skipWhitespace()
            guard index < bytes.count else { throw truncated("a tag") }
            guard bytes[index] == XMLByte.equals else {
                throw error(.unfinishedTag(detail: "the attribute '\(Self.short(attributeName))' has no '=' and value"))
            }
            index += 1
            skipWhitespace()
            guard index < bytes.count else { throw truncated("a tag") }
            let quote = bytes[index]
            guard quote == XMLByte.doubleQuote || quote == XMLByte.singleQuote else {
                throw error(.unfinishedTag(detail: "the value of the attribute '\(Self.short(attributeName))' is not in quotes"))
            }
            let attributeValue = try quotedValue(quote)
            attributeCount += 1
            if attributeCount > Self.maximumAttributesPerElement { throw error(.tooManyAttributes, at: tagStart) }
            if attributes.updateValue(attributeValue, forKey: attributeName) != nil {
                throw error(.duplicateAttribute(name: attributeName), at: attributeStart)
            }
        }
    }

    private mutating func endTag<H: XMLEventHandler>(_ handler: H) throws(XMLReadError) {
        let tagStart = index
        index += 2
        let nameRange = try name()
        skipWhitespace()
        guard index < bytes.count else { throw truncated("a tag") }
        guard bytes[index] == XMLByte.greaterThan else { throw error(.unfinishedTag(detail: "a closing tag without its '>'")) }
        guard let top = open.last else {
            throw error(rootClosed ? .contentAfterRootElement : .endTagWithoutElement(found: string(nameRange)), at: tagStart)
        }
        guard sameBytes(top, nameRange) else {
            throw error(.mismatchedEndTag(expected: string(top), found: string(nameRange)), at: tagStart)
        }
        index += 1
        open.removeLast()
        if open.isEmpty { rootClosed = true }
        handler.endElement(name: string(nameRange))
    }

    /// The value of an attribute from its opening quote, normalised: tab, CR, LF (and CR LF) become one space each.
    private mutating func quotedValue(_ quote: UInt8) throws(XMLReadError) -> String {
        index += 1
        value.removeAll(keepingCapacity: true)
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case quote:
                index += 1
                return String(decoding: value, as: UTF8.self)
            case XMLByte.lessThan:
                throw error(.lessThanInAttributeValue)
            case XMLByte.ampersand:
                Self.appendUTF8(try reference(), to: &value)
            case XMLByte.tab, XMLByte.lineFeed:
                value.append(XMLByte.space)
                index += 1
            case XMLByte.carriageReturn:
                value.append(XMLByte.space)
                index += 1
                if index < count, bytes[index] == XMLByte.lineFeed { index += 1 }
            default:
                if byte < 0x20 { throw error(.forbiddenCharacter(UInt32(byte))) }
                let start = index
                index += 1
                while index < count {
                    let next = bytes[index]
                    if next < 0x20 || next == quote || next == XMLByte.lessThan || next == XMLByte.ampersand { break }
                    index += 1
                }
                value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            }
        }
        throw truncated("an attribute value")
    }

    /// The range of the name at `index` (not empty), stepped over.
    private mutating func name() throws(XMLReadError) -> Range<Int> {
        guard index < bytes.count else { throw truncated("a tag") }
        guard XMLByte.isNameStart(bytes[index]) else { throw error(.malformedName) }
        let start = index
        index += 1
        while index < bytes.count, XMLByte.isNameCharacter(bytes[index]) { index += 1 }
        guard index < bytes.count else { throw truncated("a tag") }
        return start..<index
    }

    // MARK: - References

    /// The character of the reference at `index` (`&name;`, `&#N;`, `&#xH;`), stepped over.
    private mutating func reference() throws(XMLReadError) -> UInt32 {
        let start = index
        let count = bytes.count
        index += 1
        guard index < count else { throw truncated("a reference") }
        if bytes[index] == XMLByte.hash {
            index += 1
            var radix: UInt32 = 10
            if index < count, bytes[index] == UInt8(ascii: "x") {
                radix = 16
                index += 1
            }
            var scalar: UInt32 = 0
            var digits = 0
            while index < count {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46 where radix == 16: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66 where radix == 16: digit = UInt32(byte - 0x61 + 10)
                case XMLByte.semicolon:
                    index += 1
                    guard digits > 0, Self.isXMLCharacter(scalar) else { throw error(.invalidCharacterReference, at: start) }
                    return scalar
                default:
                    throw error(.invalidCharacterReference, at: start)
                }
                // Stop growing past the largest code point: the reference is invalid anyway.
                scalar = min(scalar * radix + digit, 0x11_0000)
                digits += 1
                index += 1
            }
            throw truncated("a reference")
        }
        let nameStart = index
        guard XMLByte.isNameStart(bytes[index]) else { throw error(.bareAmpersand, at: start) }
        while index < count, XMLByte.isNameCharacter(bytes[index]) { index += 1 }
        guard index < count else { throw truncated("a reference") }
        guard bytes[index] == XMLByte.semicolon else { throw error(.bareAmpersand, at: start) }
        let entity = UnsafeBufferPointer(rebasing: bytes[nameStart..<index])
        index += 1
        if entity.elementsEqual("lt".utf8) { return 0x3C }
        if entity.elementsEqual("gt".utf8) { return 0x3E }
        if entity.elementsEqual("amp".utf8) { return 0x26 }
        if entity.elementsEqual("apos".utf8) { return 0x27 }
        if entity.elementsEqual("quot".utf8) { return 0x22 }
        throw error(.undeclaredEntity(name: String(decoding: entity, as: UTF8.self)), at: start)
    }

    /// Whether XML allows the character `scalar` (its production `Char`).
    private static func isXMLCharacter(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x1_0000...0x10_FFFF: true
        default: false
        }
    }

    private static func appendUTF8(_ scalar: UInt32, to buffer: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            buffer.append(UInt8(scalar))
        case 0x80..<0x800:
            buffer.append(UInt8(0xC0 | (scalar >> 6)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x1_0000:
            buffer.append(UInt8(0xE0 | (scalar >> 12)))
            buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            buffer.append(UInt8(0xF0 | (scalar >> 18)))
            buffer.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    // MARK: - Comments, CDATA, processing instructions, DOCTYPE

    private mutating func comment() throws(XMLReadError) {
        index += 4
        let count = bytes.count
        while index + 1 < count {
            if bytes[index] == XMLByte.hyphen, bytes[index + 1] == XMLByte.hyphen {
                guard index + 2 < count else { break }
                guard bytes[index + 2] == XMLByte.greaterThan else { throw error(.malformedComment) }
                index += 3
                return
            }
            index += 1
        }
        throw truncated("a comment")
    }

    /// A CDATA section, its content added to the pending text run (line ends normalised).
    private mutating func cdata() throws(XMLReadError) {
        index += 9
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == XMLByte.rightBracket, index + 2 < count, bytes[index + 1] == XMLByte.rightBracket,
                bytes[index + 2] == XMLByte.greaterThan
            {
                index += 3
                return
            }
            if byte == XMLByte.carriageReturn {
                text.append(XMLByte.lineFeed)
                index += 1
                if index < count, bytes[index] == XMLByte.lineFeed { index += 1 }
                continue
            }
            if byte < 0x20, byte != XMLByte.tab, byte != XMLByte.lineFeed { throw error(.forbiddenCharacter(UInt32(byte))) }
            text.append(byte)
            index += 1
        }
        throw truncated("a CDATA section")
    }

    /// `<?target data?>`, skipped; `<?xml …?>` only at the start of the document.
    private mutating func processingInstruction() throws(XMLReadError) {
        let start = index
        index += 2
        guard index < bytes.count else { throw truncated("a processing instruction") }
        guard XMLByte.isNameStart(bytes[index]) else { throw error(.malformedProcessingInstruction) }
        let target = try name()
        if target.count == 3 {
            let lowered = bytes[target].map { $0 | 0x20 }
            if lowered.elementsEqual("xml".utf8), start != documentStart { throw error(.misplacedXMLDeclaration, at: start) }
        }
        let count = bytes.count
        if bytes[index] != XMLByte.question, !XMLByte.isWhitespace(bytes[index]) { throw error(.malformedProcessingInstruction) }
        while index + 1 < count {
            if bytes[index] == XMLByte.question, bytes[index + 1] == XMLByte.greaterThan {
                index += 2
                return
            }
            index += 1
        }
        throw truncated("a processing instruction")
    }

    /// `<!DOCTYPE name …>` before the root element, skipped; one with an internal subset `[…]` is refused.
    private mutating func doctype() throws(XMLReadError) {
        guard !rootStarted, !sawDoctype else { throw error(.misplacedDoctype) }
        sawDoctype = true
        index += 9
        guard index < bytes.count else { throw truncated("a document type declaration") }
        guard XMLByte.isWhitespace(bytes[index]) else { throw error(.misplacedDoctype) }
        var quote: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == XMLByte.doubleQuote || byte == XMLByte.singleQuote {
                quote = byte
            } else if byte == XMLByte.leftBracket {
                throw error(.doctypeWithInternalSubset)
            } else if byte == XMLByte.greaterThan {
                index += 1
                return
            }
            index += 1
        }
        throw truncated("a document type declaration")
    }

    // MARK: - Helpers

    /// Steps over whitespace; whether there was any.
    @discardableResult
    private mutating func skipWhitespace() -> Bool {
        let start = index
        while index < bytes.count, XMLByte.isWhitespace(bytes[index]) { index += 1 }
        return index != start
    }

    private func starts(with literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<length where bytes[index + offset] != pointer[offset] { return false }
        return true
    }

    /// Whether the input ends inside one of `literals` (a declaration cut short).
    private func isPrefixAtEnd(of literals: [StaticString]) -> Bool {
        literals.contains { literal in
            let available = bytes.count - index
            guard available < literal.utf8CodeUnitCount else { return false }
            for offset in 0..<available where bytes[index + offset] != literal.utf8Start[offset] { return false }
            return true
        }
    }

    private func sameBytes(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        return UnsafeBufferPointer(rebasing: bytes[a]).elementsEqual(UnsafeBufferPointer(rebasing: bytes[b]))
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private static func short(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }

    private func error(_ reason: XMLReadError.Reason, at offset: Int? = nil) -> XMLReadError {
        XMLReadError(reason, at: offset ?? index, in: bytes)
    }

    private func truncated(_ inside: String) -> XMLReadError {
        XMLReadError(.endsBeforeElementsAreClosed(inside: inside), at: bytes.count, in: bytes)
    }
}
