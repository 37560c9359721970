@testable import ActivityFormats
import Foundation
import XCTest

/// `XMLReader` on its own: the events of small documents, every error with its place and words, and the real corpus.
final class XMLReaderTests: XCTestCase {
    /// Records events as text: `<name a=1>`, `'text'`, `</name>` (attributes sorted by name).
    private final class Recorder: XMLEventHandler {
        var events: [String] = []
        var depth = 0
        var elements = 0
        var attributes = 0
        var attributeValueCharacters = 0
        var textCharacters = 0
        var localNames: [String: Int] = [:]
        var record = true
        var open: [String] = []

        func startElement(name: String, attributes: [String: String]) {
            open.append(name)
            elements += 1
            localNames[String(XMLInput.localName(name)), default: 0] += 1
            // ElementTree turns namespace declarations into namespace mappings, not attributes.
            let plain = attributes.filter { $0.key != "xmlns" && !$0.key.hasPrefix("xmlns:") }
            self.attributes += plain.count
            attributeValueCharacters += plain.values.reduce(0) { $0 + $1.unicodeScalars.count }
            guard record else { return }
            events.append("<\(name)" + attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined() + ">")
        }

        func characters(_ text: String) {
            XCTAssertFalse(text.isEmpty, "an empty characters event")
            XCTAssertFalse(open.isEmpty, "text outside the root element: \(text.debugDescription)")
            textCharacters += text.unicodeScalars.count
            if record { events.append("'\(text)'") }
        }

        func endElement(name: String) {
            XCTAssertEqual(open.popLast(), name, "an end that does not match its start")
            if record { events.append("</\(name)>") }
        }
    }

    private func read(_ document: String) -> (events: [String], error: XMLReadError?) {
        let recorder = Recorder()
        do {
            try XMLReader.read(Array(document.utf8), from: XMLInput.contentStart(Array(document.utf8)), handler: recorder)
            return (recorder.events, nil)
        } catch {
            return (recorder.events, error)
        }
    }

    func testEventsOfASmallDocument() {
        let document = "\u{FEFF}  <?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!DOCTYPE gpx SYSTEM \"gpx[1].dtd\">\n<!-- a comment -->\n"
            + "<?pi data?><?r?>\n<gpx version='1.1' creator=\"a &amp; b &#65;&#x42;&#xe9;\" note=\"x\ty\r\nz&#10;\" q='\"'>\n"
            + "<gpxtpx:hr>1&lt;2 &gt; &quot;&apos;<!-- c -->3<?p x?><![CDATA[<raw>&amp;\r\n]]>&#x1F600;</gpxtpx:hr><empty />"
            + "line1\r\nline2\rline3 ]]&gt; ]></gpx  >\n<!-- after --> <?after?>\n"
        let (events, error) = read(document)
        XCTAssertNil(error)
        XCTAssertEqual(events, [
            "<gpx creator=a & b ABé note=x y z\n q=\" version=1.1>", "'\n'",
            "<gpxtpx:hr>", "'1<2 > \"'3<raw>&amp;\n😀'", "</gpxtpx:hr>",
            "<empty>", "</empty>",
            "'line1\nline2\nline3 ]]> ]>'", "</gpx>",
        ])
    }

    func testEventsBeforeAnErrorAreDelivered() {
        let (events, error) = read("<gpx><a x=\"1\">text</b></gpx>")
        XCTAssertEqual(events, ["<gpx>", "<a x=1>", "'text'"])
        XCTAssertEqual(error?.reason, .mismatchedEndTag(expected: "a", found: "b"))
        // A cut document: its text so far is delivered, its open elements are not closed.
        let (cut, cutError) = read("<gpx><time>2027-01")
        XCTAssertEqual(cut, ["<gpx>", "<time>", "'2027-01'"])
        XCTAssertEqual(cutError?.reason, .endsBeforeElementsAreClosed(inside: nil))
    }

    func testEveryErrorHasItsPlaceAndWords() {
        let manyAttributes = "<gpx" + (0..<257).map { " a\($0)=\"1\"" }.joined() + "/>"
        let cases: [(String, XMLReadError.Reason, Int, Int)] = [
            ("<gpx><trk><trkseg>", .endsBeforeElementsAreClosed(inside: nil), 1, 19),
            ("<gpx a=1></gpx>", .unfinishedTag(detail: "the value of the attribute 'a' is not in quotes"), 1, 8),
            ("<gpx a></gpx>", .unfinishedTag(detail: "the attribute 'a' has no '=' and value"), 1, 7),
            ("<gpx><a b=\"1\"c=\"2\"/></gpx>", .unfinishedTag(detail: "expected whitespace, '>' or '/>' after the name or a value"), 1, 14),
            ("<gpx/ ></gpx>", .unfinishedTag(detail: "a '/' not followed by '>'"), 1, 5),
            ("<gpx></gpx x>", .unfinishedTag(detail: "a closing tag without its '>'"), 1, 12),
            ("<gpx></gpx><gpx/>", .contentAfterRootElement, 1, 12),
            ("<gpx/>x", .contentAfterRootElement, 1, 7),
            ("<gpx/></gpx>", .contentAfterRootElement, 1, 7),
            ("<gpx/><![CDATA[x]]>", .contentAfterRootElement, 1, 7),
            ("hello<gpx/>", .textBeforeRootElement, 1, 1),
            ("", .noRootElement, 1, 1),
            ("<?xml version=\"1.0\"?>\n<!-- only -->", .noRootElement, 2, 14),
            ("</gpx>", .endTagWithoutElement(found: "gpx"), 1, 1),
            ("<gpx>\n<trk></gpx>", .mismatchedEndTag(expected: "trk", found: "gpx"), 2, 6),
            ("<gpx>\r\n<a>\r\n</b>", .mismatchedEndTag(expected: "a", found: "b"), 3, 1),
            ("<gpx>&bogus;</gpx>", .undeclaredEntity(name: "bogus"), 1, 6),
            ("<gpx>a & b</gpx>", .bareAmpersand, 1, 8),
            ("<gpx>&amp</gpx>", .bareAmpersand, 1, 6),
            ("<gpx>&#0;</gpx>", .invalidCharacterReference, 1, 6),
            ("<gpx>&#xD800;</gpx>", .invalidCharacterReference, 1, 6),
            ("<gpx>&#1114112;</gpx>", .invalidCharacterReference, 1, 6),
            ("<gpx>&#99999999999999999999;</gpx>", .invalidCharacterReference, 1, 6),
            ("<gpx>&#;</gpx>", .invalidCharacterReference, 1, 6),
            ("<gpx>&#x;</gpx>", .invalidCharacterReference, 1, 6),
            ("<gpx>&#12a;</gpx>", .invalidCharacterReference, 1, 6),
            ("<gpx a=\"&#xFFFE;\"/>", .invalidCharacterReference, 1, 9),
            ("<gpx><a b=\"1\" b=\"2\"/></gpx>", .duplicateAttribute(name: "b"), 1, 15),
            ("<gpx é=\"1\" é='2'/>", .duplicateAttribute(name: "é"), 1, 12),
            ("<gpx a=\"x<y\"/>", .lessThanInAttributeValue, 1, 10),
            ("<gpx a=\"\u{1}\"/>", .forbiddenCharacter(1), 1, 9),
            ("<gpx>\u{8}</gpx>", .forbiddenCharacter(8), 1, 6),
            ("<gpx>]]></gpx>", .cdataEndInText, 1, 8),
            ("<gpx><!-- a -- b --></gpx>", .malformedComment, 1, 13),
            ("<gpx><?xml version=\"1.0\"?></gpx>", .misplacedXMLDeclaration, 1, 6),
            ("<?  ?><gpx/>", .malformedProcessingInstruction, 1, 3),
            ("<?a+b?><gpx/>", .malformedProcessingInstruction, 1, 4),
            ("<!DOCTYPE gpx [<!ENTITY x \"y\">]><gpx>&x;</gpx>", .doctypeWithInternalSubset, 1, 15),
            ("<gpx><!DOCTYPE gpx></gpx>", .misplacedDoctype, 1, 6),
            ("<!DOCTYPE gpx><!DOCTYPE gpx><gpx/>", .misplacedDoctype, 1, 15),
            ("<gpx><!ELEMENT x ANY></gpx>", .malformedDeclaration, 1, 6),
            ("<gpx><1a/></gpx>", .malformedName, 1, 7),
            ("<gpx><a =\"1\"/></gpx>", .malformedName, 1, 9),
            ("<gpx><a", .endsBeforeElementsAreClosed(inside: "a tag"), 1, 8),
            ("<gpx><", .endsBeforeElementsAreClosed(inside: "a tag"), 1, 7),
            ("<gpx a=\"1", .endsBeforeElementsAreClosed(inside: "an attribute value"), 1, 10),
            ("<gpx>&am", .endsBeforeElementsAreClosed(inside: "a reference"), 1, 9),
            ("<gpx><!-- x", .endsBeforeElementsAreClosed(inside: "a comment"), 1, 12),
            ("<gpx><![CDATA[x</gpx>", .endsBeforeElementsAreClosed(inside: "a CDATA section"), 1, 22),
            ("<gpx><!-", .endsBeforeElementsAreClosed(inside: "a declaration"), 1, 9),
            ("<?xml version", .endsBeforeElementsAreClosed(inside: "a processing instruction"), 1, 14),
            ("<!DOCTYPE gpx", .endsBeforeElementsAreClosed(inside: "a document type declaration"), 1, 14),
            (manyAttributes, .tooManyAttributes, 1, 1),
        ]
        for (document, reason, line, column) in cases {
            let (_, error) = read(document)
            guard let error else {
                XCTFail("\(document.debugDescription): no error")
                continue
            }
            XCTAssertEqual(error.reason, reason, document.debugDescription)
            XCTAssertEqual(error.location, "line \(line), column \(column)", document.debugDescription)
            let words = error.reason.words
            XCTAssertTrue(words.first?.isLowercase ?? false, words)
            XCTAssertFalse(words.contains("libxml2") || words.contains("NSXMLParser"), words)
        }
    }

    func testTheWordsTheDecodersPromise() {
        XCTAssertTrue(XMLReadError.Reason.endsBeforeElementsAreClosed(inside: nil).words.contains("ends before its elements are closed"))
        XCTAssertTrue(XMLReadError.Reason.endsBeforeElementsAreClosed(inside: "a tag").words.contains("before its elements are closed"))
        XCTAssertTrue(XMLReadError.Reason.unfinishedTag(detail: "x").words.contains("unfinished tag"))
        XCTAssertTrue(XMLReadError.Reason.contentAfterRootElement.words.contains("goes on after its root element"))
        XCTAssertTrue(XMLReadError.Reason.tooManyAttributes.words.contains("more than 256 attributes"))
        // A hostile name is cut short in the message.
        let long = String(repeating: "x", count: 10_000)
        XCTAssertLessThan(XMLReadError.Reason.undeclaredEntity(name: long).words.count, 200)
    }

    func testAcceptedShapes() {
        let atLimit = "<gpx" + (0..<256).map { " a\($0)=\"1\"" }.joined() + "/>"
        for document in [
            atLimit, "<gpx/>", "<gpx></gpx>", "\n\t <gpx/>\n\n", "<gpx\n\ta = '1'\n/>", "<!DOCTYPE gpx><gpx/>",
            "<!DOCTYPE gpx PUBLIC \"-//x\" 'y>z'><gpx/>", "<?r?><gpx/>", "<!---->\n<gpx><!----></gpx>",
            "<gpx>&#x10FFFF;&#9;&#xA;&#13;</gpx>", "<a:b xmlns:a='u'></a:b>", "<é/>",
        ] {
            XCTAssertNil(read(document).error, document)
        }
        XCTAssertEqual(read("<gpx>a<!--x-->b<?p?>c<![CDATA[d]]>e&amp;f</gpx>").events, ["<gpx>", "'abcde&f'", "</gpx>"])
    }

    /// Element, attribute and text counts on every corpus file, as Python's xml.etree.ElementTree reads them:
    /// root = ET.parse(f).getroot(); elements = list(root.iter()); attributes = sum(len(e.attrib));
    /// attribute value characters = sum of len(v); text characters = len(root.text) + sum(len(e.text) + len(e.tail))
    /// over the other elements; points = elements named trkpt or Trackpoint.
    func testTheCorpusReadsAsElementTreeReadsIt() throws {
        let expected: [(String, elements: Int, attributes: Int, valueCharacters: Int, textCharacters: Int, points: Int)] = [
            ("gpx/Mojstrovka.gpx", 557, 375, 4576, 8671, 184),
            ("gpx/around-visnjan-with-car.gpx", 323, 212, 3257, 2766, 104),
            ("gpx/cerknicko-jezero.gpx", 964, 613, 7432, 11942, 296),
            ("gpx/cerknicko-without-times.gpx", 672, 613, 7432, 5226, 296),
            ("gpx/first_and_last_elevation.gpx", 28, 23, 371, 257, 10),
            ("gpx/gpx1.1_with_all_fields.gpx", 131, 33, 240, 2579, 1),
            ("gpx/gpx_with_garmin_extension.gpx", 7, 5, 140, 30, 0),
            ("gpx/korita-zbevnica.gpx", 2285, 1753, 21112, 25290, 871),
            ("gpx/route.gpx", 112, 113, 1540, 331, 0),
            ("gpx/track-with-empty-segment.gpx", 32, 21, 392, 886, 9),
            ("gpx/track-with-extremes.gpx", 56, 57, 760, 393, 25),
            ("gpx/unicode_with_bom.gpx", 15, 2, 17, 147, 0),
            ("tcx/no_hr.tcx", 2721, 5, 75, 73262, 384),
            ("tcx/sup_activity_1.tcx", 1276, 6, 194, 35551, 111),
            ("tcx/test.tcx", 3499, 5, 75, 90252, 384),
        ]
        let corpus = TestData.files("gpx", extensions: ["gpx"]).map { "gpx/\($0)" } + TestData.files("tcx", extensions: ["tcx"]).map { "tcx/\($0)" }
        XCTAssertEqual(Set(corpus), Set(expected.map(\.0)), "a corpus file without its ElementTree counts")
        let gpxReferences = try TestData.reference("gpx", as: [String: GPXFileReference].self)
        let tcxReferences = try TestData.reference("tcx", as: [String: TCXFileReference].self)
        for (path, elements, attributes, valueCharacters, textCharacters, points) in expected {
            let parts = path.split(separator: "/").map(String.init)
            let bytes = try TestData.bytes(parts[0], parts[1])
            let recorder = Recorder()
            recorder.record = false
            XCTAssertNoThrow(try XMLReader.read(bytes, from: XMLInput.contentStart(bytes), handler: recorder), path)
            XCTAssertEqual(recorder.open, [], path)
            XCTAssertEqual(recorder.elements, elements, "\(path): elements")
            XCTAssertEqual(recorder.attributes, attributes, "\(path): attributes")
            XCTAssertEqual(recorder.attributeValueCharacters, valueCharacters, "\(path): attribute value characters")
            XCTAssertEqual(recorder.textCharacters, textCharacters, "\(path): text characters")
            let read = (recorder.localNames["trkpt"] ?? 0) + (recorder.localNames["Trackpoint"] ?? 0)
            XCTAssertEqual(read, points, "\(path): points")
            // And the decoders' references agree on the points.
            if let gpx = gpxReferences[parts[1]], gpx.routes == 0 { XCTAssertEqual(read, gpx.trackPoints, "\(path): gpxpy points") }
            if let tcx = tcxReferences[parts[1]] { XCTAssertEqual(read, tcx.trackpoints, "\(path): tcxparser points") }
        }
    }
}
