/// Where and why `XMLReader` stopped: the first well-formedness error of a document, in words.
struct XMLReadError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, one case per kind of mistake.
    enum Reason: Equatable, Sendable {
        /// The input ends while elements are open (or before any element); `inside` names an unfinished construct.
        case endsBeforeElementsAreClosed(inside: String?)
        /// No root element at all: an empty document, or only a declaration, comments or processing instructions.
        case noRootElement
        /// Text (not whitespace) before the root element.
        case textBeforeRootElement
        /// An element, text or CDATA after the root element was closed.
        case contentAfterRootElement
        /// A start or end tag that is not properly finished; `detail` says what was expected.
        case unfinishedTag(detail: String)
        /// A name that does not start with a letter, `_` or `:`.
        case malformedName
        /// `</found>` while `<expected>` is the open element.
        case mismatchedEndTag(expected: String, found: String)
        /// `</found>` with no element open.
        case endTagWithoutElement(found: String)
        /// The same attribute twice on one element.
        case duplicateAttribute(name: String)
        /// More than `XMLReader.maximumAttributesPerElement` attributes on one element.
        case tooManyAttributes
        /// A `<` inside a quoted attribute value.
        case lessThanInAttributeValue
        /// `&name;` where name is not one of the five predefined entities.
        case undeclaredEntity(name: String)
        /// An `&` that does not start `&name;`, `&#N;` or `&#xH;`.
        case bareAmpersand
        /// `&#…;` naming no character XML allows.
        case invalidCharacterReference
        /// A control character XML does not allow (its code point).
        case forbiddenCharacter(UInt32)
        /// `]]>` in text, which XML reserves for the end of a CDATA section.
        case cdataEndInText
        /// A comment with `--` inside it.
        case malformedComment
        /// `<?…?>` without a target name.
        case malformedProcessingInstruction
        /// `<?xml …?>` somewhere else than at the start of the document.
        case misplacedXMLDeclaration
        /// `<!DOCTYPE …>` after the root element started, twice, or malformed.
        case misplacedDoctype
        /// `<!DOCTYPE … [ … ]>`: entity declarations are not supported.
        case doctypeWithInternalSubset
        /// `<!…>` that is not a comment, CDATA section or document type declaration.
        case malformedDeclaration

        /// A sentence a user can act on.
        var words: String {
            switch self {
            case .endsBeforeElementsAreClosed(let inside?):
                "the document ends inside \(inside), before its elements are closed (a cut file?)"
            case .endsBeforeElementsAreClosed(nil): "the document ends before its elements are closed (a cut file?)"
            case .noRootElement: "the document is empty or has no root element"
            case .textBeforeRootElement: "the document does not start with an element (text before the root element)"
            case .contentAfterRootElement: "the document goes on after its root element (a joined file?)"
            case .unfinishedTag(let detail): "an unfinished tag: \(detail)"
            case .malformedName: "a malformed element or attribute name"
            case .mismatchedEndTag(let expected, let found):
                "the element <\(Self.short(expected))> is not closed: </\(Self.short(found))> comes where </\(Self.short(expected))> should"
            case .endTagWithoutElement(let found): "a closing tag </\(Self.short(found))> without an open element"
            case .duplicateAttribute(let name): "an element with the attribute '\(Self.short(name))' twice"
            case .tooManyAttributes:
                "an element with more than \(XMLReader.maximumAttributesPerElement) attributes; no GPX or TCX file has so many"
            case .lessThanInAttributeValue: "a '<' inside an attribute value (write &lt;)"
            case .undeclaredEntity(let name):
                "an undeclared entity &\(Self.short(name)); (only &lt; &gt; &amp; &apos; &quot; are known)"
            case .bareAmpersand: "a bare '&' (write &amp;) or an entity reference without its ';'"
            case .invalidCharacterReference: "a character reference (&#…;) that names no valid character"
            case .forbiddenCharacter(let code): "a character that XML does not allow (U+\(Self.hex(code)))"
            case .cdataEndInText: "a ']]>' in text, where it may only end a CDATA section (write ]]&gt;)"
            case .malformedComment: "a malformed comment ('--' inside it, or not closed by '-->')"
            case .malformedProcessingInstruction: "a malformed processing instruction (<?…?> without a name)"
            case .misplacedXMLDeclaration: "an XML declaration (<?xml …?>) that is not at the start of the document"
            case .misplacedDoctype: "a misplaced or malformed document type declaration (<!DOCTYPE …>)"
            case .doctypeWithInternalSubset:
                "a document type declaration with an internal subset (<!DOCTYPE … [ … ]>); entity declarations are not supported"
            case .malformedDeclaration: "a malformed declaration (<!…> that is not a comment, CDATA section or DOCTYPE)"
            }
        }

        /// `text` cut to 40 characters, so a hostile name does not make a huge message.
        private static func short(_ text: String) -> String {
            text.count <= 40 ? text : String(text.prefix(40)) + "…"
        }

        private static func hex(_ code: UInt32) -> String {
            let digits = String(code, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }
    }

    /// Byte offset in the input where the problem was found.
    let offset: Int
    /// 1-based line of `offset` (a CR LF pair or a lone CR ends a line as LF does).
    let line: Int
    /// 1-based column of `offset`, in characters.
    let column: Int
    /// What is wrong.
    let reason: Reason

    /// "line L, column C", as error messages print it.
    var location: String { "line \(line), column \(column)" }

    var description: String { "\(location): \(reason.words)" }

    /// The error at byte `offset` of `bytes`, with its line and column counted from the start (a BOM is not a column).
    init(_ reason: Reason, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        var line = 1
        var column = 1
        var index = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80, byte != 0x0D {
                column += 1
            }
            index += 1
        }
        self.offset = offset
        self.line = line
        self.column = column
        self.reason = reason
    }
}
