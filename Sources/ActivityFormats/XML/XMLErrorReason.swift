import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Words for the errors of Foundation's `XMLParser`, whose own description is only `NSXMLParserErrorDomain error N`.
enum XMLErrorReason {
    /// A sentence a user can act on for `error` (nil when the parser gave none).
    static func describe(_ error: (any Error)?) -> String {
        guard let error else { return "the XML is not well-formed" }
        let code = (error as NSError).code
        guard let known = XMLParser.ErrorCode(rawValue: code) else { return "the XML is not well-formed (parser error \(code))" }
        return describe(known) ?? "the XML is not well-formed (parser error \(code))"
    }

    private static func describe(_ code: XMLParser.ErrorCode) -> String? {
        switch code {
        case .emptyDocumentError, .documentStartError: "the document is empty or does not start with an element"
        case .prematureDocumentEndError: "the document ends before its elements are closed (is the file truncated?)"
        case .invalidHexCharacterRefError, .invalidDecimalCharacterRefError, .invalidCharacterRefError:
            "a character reference (&#…;) names no valid character"
        case .invalidCharacterError, .invalidCharacterInEntityError: "a character that XML does not allow"
        case .entityReferenceWithoutNameError, .entityReferenceMissingSemiError, .parsedEntityRefNoNameError,
             .parsedEntityRefMissingSemiError:
            "a bare '&' (write &amp;) or an entity reference without its ';'"
        case .undeclaredEntityError: "an undeclared entity (&name;)"
        case .entityIsExternalError, .entityIsParameterError, .unparsedEntityError: "an external entity, which is not read"
        case .entityRefLoopError: "entities that refer to each other in a loop"
        case .unknownEncodingError, .encodingNotSupportedError, .invalidEncodingNameError, .invalidEncodingError:
            "an unsupported character encoding (only UTF-8 is read)"
        case .lessThanSymbolInAttributeError: "a '<' inside an attribute value"
        case .attributeNotStartedError, .attributeNotFinishedError, .attributeHasNoValueError, .literalNotStartedError,
             .literalNotFinishedError, .stringNotStartedError, .stringNotClosedError, .equalExpectedError:
            "a malformed attribute (missing '=', quote or value)"
        case .attributeRedefinedError: "an element with the same attribute twice"
        case .commentNotFinishedError, .commentContainsDoubleHyphenError: "a malformed comment"
        case .processingInstructionNotStartedError, .processingInstructionNotFinishedError: "a malformed processing instruction (<?…?>)"
        case .cdataNotFinishedError, .misplacedCDATAEndStringError: "a malformed CDATA section"
        case .misplacedXMLDeclarationError, .xmlDeclNotStartedError, .xmlDeclNotFinishedError:
            "a misplaced or malformed XML declaration (<?xml …?>)"
        case .tagNameMismatchError: "a closing tag that does not match the open element"
        case .unfinishedTagError, .gtRequiredError, .ltRequiredError, .ltSlashRequiredError: "an unfinished tag"
        case .nameRequiredError, .spaceRequiredError: "a malformed element or attribute name"
        case .namespaceDeclarationError: "a malformed namespace declaration"
        case .extraContentError: "content after the root element"
        case .notWellBalancedError: "elements that are not properly nested"
        case .doctypeDeclNotFinishedError, .externalSubsetNotFinishedError, .conditionalSectionNotStartedError,
             .conditionalSectionNotFinishedError, .invalidConditionalSectionError:
            "a malformed document type declaration (<!DOCTYPE …>)"
        case .outOfMemoryError: "the document is too large to parse"
        case .delegateAbortedParseError: "parsing was stopped"
        default: nil
        }
    }
}
