import Foundation
import JSONRPC
import XCTest

/// `JSONParser`: RFC 8259, strict UTF-8, surrogates, the nesting limit, and numbers that keep their text.
final class JSONParserTests: XCTestCase {
    private func parse(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    private func assertInvalid(_ bytes: [UInt8], _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try JSONParser.parse(bytes), "\(name) must not parse", file: file, line: line) { error in
            guard let error = error as? JSONParseError else { return XCTFail("\(name): \(error) is not a JSONParseError", file: file, line: line) }
            XCTAssertGreaterThanOrEqual(error.byteOffset, 0, file: file, line: line)
            XCTAssertLessThanOrEqual(error.byteOffset, bytes.count, "\(name): the offset is inside the input", file: file, line: line)
            XCTAssertFalse(error.reason.isEmpty, file: file, line: line)
        }
    }

    // MARK: - Valid texts

    func testValidTexts() throws {
        let cases: [(String, JSONValue)] = [
            ("null", .null), ("true", true), ("false", false), ("0", 0), ("\"\"", ""), ("[]", []), ("{}", [:]),
            (" \t\r\n [ 1 , \"a\" , null , true , false , { } , [ ] ] \n", [1, "a", nil, true, false, [:], []]),
            (#"{"a":{"b":[{"c":null}]}}"#, ["a": ["b": [["c": nil]]]]),
            (#"{"key with spaces":1,"":2,"é":3}"#, ["key with spaces": 1, "": 2, "é": 3]),
            (#""\"\\\/\b\f\n\r\t""#, .string("\"\\/\u{08}\u{0C}\n\r\t")),
            (#""\u0041\u00e9\u4E2D\u0000""#, .string("Aé中\u{0}")),
            (#""\ud83d\ude00""#, "😀"), (#""\uD834\uDD1E""#, "𝄞"),
            ("\"😀 raw é\"", "😀 raw é"),
            ("\"\u{7F}\"", "\u{7F}"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(try parse(text), expected, text)
        }
    }

    func testDuplicateKeysKeepOneValue() throws {
        let value = try parse(#"{"a":1,"a":2}"#)
        XCTAssertEqual(value.objectValue?.count, 1)
    }

    func testNumbersKeepTheirText() throws {
        for text in ["0", "-0", "1.0", "-0.0", "1e3", "1E+3", "1e-7", "2.50", "123456789012345678901234567890",
                     "-9223372036854775809", "1e400", "0.000000000000000000000000000001"] {
            XCTAssertEqual(try parse(text), .number(JSONNumber(text: text)), text)
            XCTAssertEqual(try parse("[\(text)]"), .array([.number(JSONNumber(text: text))]), text)
            XCTAssertEqual(JSONWriter.bytes(try parse(text)), Array(text.utf8), "written back verbatim")
        }
        XCTAssertNotEqual(try parse("1.0"), try parse("1"), "1.0 and 1 are different ids on the wire")
        if case .number(let number) = try parse("2.5e-1") { XCTAssertEqual(number.doubleValue, 0.25) } else { XCTFail() }
    }

    /// Integers are read without the float parser; every reading must be the float parser's, bit for bit.
    func testDoubleValueEqualsTheFloatParser() {
        var texts = ["0", "-0", "7", "-7", "999999999999999", "-999999999999999", "1000000000000000", "9007199254740993",
                     "123456789012345678901234567890", "1.5", "-0.0", "1e3", "01", "-", "1-2"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            texts.append(String(Int64.random(in: -999_999_999_999_999...999_999_999_999_999, using: &generator)))
            texts.append(String(UInt64.random(in: 0...UInt64.max, using: &generator)))
        }
        for text in texts {
            let expected = Double(text) ?? .nan
            let actual = JSONNumber(text: text).doubleValue
            XCTAssertTrue(actual.bitPattern == expected.bitPattern || (actual.isNaN && expected.isNaN), "\(text): \(actual) vs \(expected)")
        }
    }

    // MARK: - Invalid texts

    func testInvalidTexts() {
        let cases: [(String, String)] = [
            ("", "empty input"), (" ", "only whitespace"), ("nul", "truncated literal"), ("True", "capitalised literal"),
            ("[1,]", "trailing comma in an array"), (#"{"a":1,}"#, "trailing comma in an object"), ("[,1]", "leading comma"),
            ("{'a':1}", "single quotes"), ("{a:1}", "unquoted key"), (#"{"a" 1}"#, "missing colon"), (#"{"a":}"#, "missing value"),
            (#"{"a":1 "b":2}"#, "missing comma"), ("[1 2]", "missing comma in an array"), ("{1:2}", "number key"),
            ("01", "leading zero"), ("-", "lone minus"), ("+1", "plus sign"), ("1.", "no fraction digits"), (".5", "no integer digits"),
            ("1e", "no exponent digits"), ("1e+", "no exponent digits after the sign"), ("0x1F", "hex"), ("NaN", "NaN"), ("Infinity", "Infinity"),
            ("-Infinity", "-Infinity"), ("[1] x", "trailing garbage"), ("{}{}", "two values"), ("[1]]", "extra bracket"),
            ("[", "unclosed array"), (#"{"a":1"#, "unclosed object"), (#""abc"#, "unterminated string"), (#""\"#, "escape at the end"),
            (#""\x41""#, "unknown escape"), (#""\u12""#, "short \\u escape"), (#""\u12G4""#, "bad hex digit"), (#""\U0041""#, "capital U escape"),
            (#""\ud800""#, "lone high surrogate"), (#""\udc00""#, "lone low surrogate"), (#""\ud800x""#, "high surrogate then text"),
            (#""\ud800\u0041""#, "high surrogate then a non-surrogate"), (#""\ud800\ud800""#, "two high surrogates"),
            ("\"a\tb\"", "raw tab"), ("\"a\nb\"", "raw newline"), ("\"\u{1F}\"", "raw unit separator"),
            ("/* c */ 1", "comment"), ("[1] // c", "line comment"), ("\u{FEFF}[]", "byte order mark"),
        ]
        for (text, name) in cases {
            assertInvalid(Array(text.utf8), name)
        }
    }

    func testInvalidUTF8IsAParseError() {
        let sequences: [([UInt8], String)] = [
            ([0xFF], "FF"), ([0xFE], "FE"), ([0x80], "lone continuation"), ([0xC0, 0xAF], "overlong slash"),
            ([0xE0, 0x80, 0xAF], "overlong three bytes"), ([0xED, 0xA0, 0x80], "encoded surrogate"), ([0xF4, 0x90, 0x80, 0x80], "above U+10FFFF"),
            ([0xE2, 0x82], "truncated sequence"), ([0xC3], "truncated two-byte"), ([0xF0, 0x9F, 0x98], "truncated emoji"),
        ]
        for (bytes, name) in sequences {
            assertInvalid([0x22] + bytes + [0x22], "\(name) in a string")
            assertInvalid(Array(#""ok \n "#.utf8) + bytes + [0x22], "\(name) in a string with escapes")
            assertInvalid(Array(#"{""#.utf8) + bytes + Array(#"":1}"#.utf8), "\(name) in a key")
            assertInvalid([0x5B] + bytes + [0x5D], "\(name) outside strings")
        }
        XCTAssertEqual(try JSONParser.parse([0x22, 0xC3, 0xA9, 0x22]), "é", "valid UTF-8 still parses")
    }

    // MARK: - Nesting

    func testTheNestingLimit() throws {
        let limit = JSONParser.defaultMaximumDepth
        XCTAssertEqual(limit, 256)
        XCTAssertNoThrow(try parse(String(repeating: "[", count: limit) + String(repeating: "]", count: limit)))
        assertInvalid(Array((String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)).utf8), "one level too deep")
        XCTAssertNoThrow(try parse(String(repeating: #"{"a":"#, count: limit) + "1" + String(repeating: "}", count: limit)))
        assertInvalid(Array((String(repeating: #"{"a":"#, count: limit + 1) + "1" + String(repeating: "}", count: limit + 1)).utf8), "objects one level too deep")
        assertInvalid(Array((String(repeating: #"[{"a":"#, count: 200) + "1" + String(repeating: "}]", count: 200)).utf8), "mixed, 400 deep")
        XCTAssertNoThrow(try JSONParser.parse(Array("[[[1]]]".utf8), maximumDepth: 3))
        XCTAssertThrowsError(try JSONParser.parse(Array("[[[[1]]]]".utf8), maximumDepth: 3))
    }

    func testHugeNestingFailsFastWithoutCrashing() {
        let start = Date()
        assertInvalid([UInt8](repeating: UInt8(ascii: "["), count: 100_000), "100k [")
        assertInvalid([UInt8](repeating: UInt8(ascii: "{"), count: 100_000), "100k {")
        assertInvalid(Array(String(repeating: #"{"a":["#, count: 50_000).utf8), "100k alternating")
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
    }

    func testErrorOffsetsPointAtTheProblem() {
        for (text, offset) in [(#"{"a":}"#, 5), ("[1,]", 3), ("[1] x", 4), ("tru", 0)] {
            XCTAssertThrowsError(try JSONParser.parse(Array(text.utf8))) { error in
                XCTAssertEqual((error as? JSONParseError)?.byteOffset, offset, text)
            }
        }
    }

    // MARK: - Against Foundation

    /// Every value we parse, Foundation's parser (an independent implementation) parses to the same thing.
    func testAgreesWithFoundationOnValidTexts() throws {
        let inputs = [
            #"{"a":[1,2.5,-3e2,true,false,null,"x\u00e9"]}"#, "[0.1,1E10,-0,1e-5]", #"["\/","\u0000","\ud83d\ude00"]"#,
            #"{"nested":{"deeper":[[[]]]},"":""}"#,
        ]
        for input in inputs {
            let ours = try JSONParser.parse(Array(input.utf8))
            let theirs = try JSONSerialization.jsonObject(with: Data(input.utf8), options: [.fragmentsAllowed])
            let reencoded = try JSONSerialization.data(withJSONObject: theirs, options: [.sortedKeys, .fragmentsAllowed])
            let oursReparsed = try JSONSerialization.jsonObject(with: Data(JSONWriter.bytes(ours)), options: [.fragmentsAllowed])
            XCTAssertEqual(try JSONSerialization.data(withJSONObject: oursReparsed, options: [.sortedKeys, .fragmentsAllowed]), reencoded, input)
        }
    }
}
