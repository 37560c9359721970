import Foundation
import JSONRPC
import XCTest

/// `JSONWriter`: compact, sorted, escaped so that any string survives a round trip and never breaks a line.
final class JSONWriterTests: XCTestCase {
    private func text(_ value: JSONValue) -> String {
        String(decoding: JSONWriter.bytes(value), as: UTF8.self)
    }

    func testEscapes() {
        XCTAssertEqual(text("\"\\"), #""\"\\""#)
        XCTAssertEqual(text("\n\r\t"), #""\n\r\t""#)
        XCTAssertEqual(text("\u{0}\u{1}\u{8}\u{C}\u{1B}\u{1F}"), #""\u0000\u0001\u0008\u000c\u001b\u001f""#)
        XCTAssertEqual(text("/ é 😀 \u{7F} \u{2028}"), "\"/ é 😀 \u{7F} \u{2028}\"", "everything else is written as UTF-8")
    }

    func testNoRawControlCharacterEverReachesTheOutput() {
        var all = ""
        for scalar in 0..<0x20 { all.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
        let bytes = JSONWriter.bytes(.string(all))
        XCTAssertFalse(bytes.dropFirst().dropLast().contains { $0 < 0x20 }, "a written string never contains a raw control byte, so newline framing is safe")
        XCTAssertFalse(JSONWriter.bytes(["key\nwith newline": .string(all)]).contains(0x0A))
    }

    func testStringsRoundTrip() throws {
        var strings = ["", "plain", "quote \" backslash \\ slash /", "😀𝄞 é 中文", "\u{2028}\u{2029}", "\u{FEFF}", "\u{7F}", String(repeating: "x", count: 10_000)]
        for scalar in 0..<0x80 { strings.append("a" + String(Unicode.Scalar(UInt8(scalar))) + "b") }
        for string in strings {
            let bytes = JSONWriter.bytes(.string(string))
            XCTAssertEqual(try JSONParser.parse(bytes), .string(string), string.debugDescription)
            // An independent parser reads the same string (Foundation drops a byte order mark, so skip that one).
            if string == "\u{FEFF}" { continue }
            let foundation = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) as? String
            XCTAssertEqual(foundation, string, string.debugDescription)
        }
    }

    func testValuesRoundTrip() throws {
        let values: [JSONValue] = [
            .null, true, false, 0, .number(JSONNumber(text: "-0.0")), .number(JSONNumber(text: "1e400")),
            [], [:], [1, [2, [3, [:]]]], ["b": 1, "a": ["c": nil, "é": "😀"]], ["": ""],
        ]
        for value in values {
            XCTAssertEqual(try JSONParser.parse(JSONWriter.bytes(value)), value, text(value))
        }
    }

    func testObjectsAreCompactWithSortedKeys() {
        XCTAssertEqual(text(["b": 1, "a": 2, "C": 3, "aa": [true, nil]]), #"{"C":3,"a":2,"aa":[true,null],"b":1}"#)
        XCTAssertEqual(text([["z": 1, "y": 2]]), #"[{"y":2,"z":1}]"#)
    }

    func testWriteAppends() {
        var output = Array("prefix:".utf8)
        JSONWriter.write(["a": 1], into: &output)
        XCTAssertEqual(String(decoding: output, as: UTF8.self), #"prefix:{"a":1}"#)
    }
}
