import Foundation

/// Words for the errors of Foundation's `XMLParser`, whose own description is only `NSXMLParserErrorDomain error N`.
///
/// The code is libxml2's `xmlParserErrors` number (libxml/xmlerror.h), which Apple's `NSXMLParserError` values
/// follow too. It is matched as a number: swift-corelibs-foundation's `XMLParser.ErrorCode` enum is numbered from
/// 0 without libxml2's gaps, so its cases name the wrong errors (its `rawValue` 5 is "invalid hex character ref"
/// where libxml2's 5 is "premature end of document").
enum XMLErrorReason {
    /// A sentence a user can act on for `error` (a generic one when the parser gave none or an unlisted code).
    static func describe(_ error: (any Error)?) -> String {
        guard let error else { return "the XML is not well-formed" }
        let code = (error as NSError).code
        return describe(code: code) ?? "the XML is not well-formed (libxml2 error \(code))"
    }

    static func describe(code: Int) -> String? {
        switch code {
        case 1: "the XML parser failed inside"
        case 2: "the document is too large to parse"
        case 3, 4: "the document is empty or does not start with an element"
        // libxml2 reports both a cut document and content after the root element as "document end".
        case 5: "the document ends before its elements are closed, or goes on after its root element (a cut or joined file?)"
        case 6, 7, 8: "a character reference (&#…;) names no valid character"
        case 9, 87: "a character that XML does not allow"
        case 10...21: "a misplaced character or entity reference"
        case 22, 23, 24, 25: "a bare '&' (write &amp;) or an entity reference without its ';'"
        case 26, 27: "an undeclared entity (&name;)"
        case 28, 29, 30: "an external entity, which is not read"
        case 31, 32, 79, 81: "an unsupported character encoding (only UTF-8 is read)"
        case 33, 34, 43, 44: "a quoted value that does not start or end with its quote"
        case 35: "a malformed namespace declaration"
        case 36, 37, 84, 88: "a malformed entity declaration"
        case 38: "a '<' inside an attribute value"
        case 39, 40, 41, 75: "a malformed attribute (missing '=', quote or value)"
        case 42: "an element with the same attribute twice"
        case 45, 80: "a malformed comment"
        case 46, 47: "a malformed processing instruction (<?…?>)"
        case 48...55, 57...61, 83, 95: "a malformed document type declaration (<!DOCTYPE …>)"
        case 56, 96: "a malformed XML declaration (<?xml …?>)"
        case 62, 63: "a malformed CDATA section"
        case 64: "a name reserved by XML"
        case 65, 66, 67, 68: "a malformed element or attribute name"
        case 72, 73, 74, 77: "an unfinished tag (a missing '>' or a malformed attribute)"
        case 76: "a closing tag that does not match the open element"
        case 85: "elements that are not properly nested"
        case 86: "content after the root element"
        case 89: "entities that refer to each other in a loop"
        case 110: "a name longer than the parser allows"
        case 111: "parsing was stopped"
        default: nil
        }
    }
}
