import Foundation
import JSONRPC
import XCTest

/// `JSONValueEncoder` and `EncodedJSON.encoding`: explicit nulls, sorted keys, numbers as clients expect them.
final class JSONValueEncoderTests: XCTestCase {
    private struct Runner: Encodable {
        var id = "ath_1"
        var name = "Ada"
        var email: String? = nil
        var fiveK: Double? = nil
        var maxHeartRate: Int? = nil
        var active: Bool? = nil
        var zone = "UTC"
    }

    private struct Nested: Encodable {
        var runner = Runner()
        var days: [String] = ["mon", "wed"]
        var maybe: [Int?] = [1, nil, 3]
        var byName: [String: Int] = ["b": 2, "a": 1]
        var empty: [Runner] = []
        var distance = 42195.0
        var pace = 4.25
        var big: Int64 = 9_007_199_254_740_993
        var raw: JSONValue = .number(JSONNumber(text: "1.50"))
        var status = Status.active
    }

    private enum Status: String, Encodable { case active }

    private func text(_ value: some Encodable) throws -> String {
        String(decoding: try EncodedJSON.encoding(value).bytes, as: UTF8.self)
    }

    func testAbsentOptionalsAreExplicitNulls() throws {
        XCTAssertEqual(
            try text(Runner()),
            #"{"id":"ath_1","name":"Ada","email":null,"fiveK":null,"maxHeartRate":null,"active":null,"zone":"UTC"}"#
        )
        let value = try JSONValueEncoder().encode(Runner(email: "a@b.c", fiveK: 1500, maxHeartRate: 180, active: true))
        XCTAssertEqual(value["email"], "a@b.c")
        XCTAssertEqual(value["fiveK"], .number(JSONNumber(text: "1500")))
        XCTAssertEqual(value["maxHeartRate"], 180)
        XCTAssertEqual(value["active"], true)
    }

    /// Members come in declaration order (the same every time); dictionaries, whose order is not fixed, are sorted.
    func testMembersInDeclarationOrderDictionariesSortedAndNestedValuesEncoded() throws {
        XCTAssertEqual(
            try text(Nested()),
            #"{"runner":{"id":"ath_1","name":"Ada","email":null,"fiveK":null,"maxHeartRate":null,"active":null,"zone":"UTC"},"#
                + #""days":["mon","wed"],"maybe":[1,null,3],"byName":{"a":1,"b":2},"empty":[],"distance":42195,"pace":4.25,"#
                + #""big":9007199254740993,"raw":1.50,"status":"active"}"#
        )
    }

    func testTheSameValueAlwaysGivesTheSameBytes() throws {
        let first = try EncodedJSON.encoding(Nested()).bytes
        for _ in 0..<20 { XCTAssertEqual(try EncodedJSON.encoding(Nested()).bytes, first) }
    }

    func testDoublesAreWrittenAsClientsExpect() throws {
        for (value, expected) in [(5.0, "5"), (-0.5, "-0.5"), (0.1, "0.1"), (1e300, "1e+300"), (-42195.0, "-42195"), (9_007_199_254_740_992.0, "9007199254740992.0")] {
            let encoded = try JSONValueEncoder().encode([value])
            XCTAssertEqual(String(decoding: JSONWriter.bytes(encoded), as: UTF8.self), "[\(expected)]", "\(value)")
            // Whatever the text, it is valid JSON with the same value.
            let parsed = try JSONParser.parse(JSONWriter.bytes(encoded))
            if case .array(let elements) = parsed, case .number(let number)? = elements.first {
                XCTAssertEqual(number.doubleValue, value)
            } else {
                XCTFail("\(value)")
            }
        }
    }

    func testNonFiniteNumbersAreRefused() {
        for value in [Double.nan, .infinity, -.infinity] {
            XCTAssertThrowsError(try JSONValueEncoder().encode(["x": value]), "\(value)")
        }
    }

    func testEncodedJSONOfAValueRoundTrips() throws {
        let value: JSONValue = ["z": [1, "two", nil, true, ["deep": .number(JSONNumber(text: "-0.0"))]], "a": "é😀\n"]
        XCTAssertEqual(try JSONParser.parse(EncodedJSON.value(value).bytes), value)
        XCTAssertEqual(try JSONValueEncoder().encode(value), value, "a JSONValue encodes as itself, number text included")
        XCTAssertEqual(EncodedJSON.null.bytes, Array("null".utf8))
    }

    private struct Sized: Encodable {
        var small: Int32 = 7
        var byte: UInt8 = 255
        var unsigned: UInt = 42
        var single: Float = 1.5
    }

    /// Every standard number type must encode (they once recursed without end and crashed the process).
    func testEveryStandardNumberTypeEncodes() throws {
        XCTAssertEqual(try text(Sized()), #"{"small":7,"byte":255,"unsigned":42,"single":1.5}"#)
        let value = try JSONValueEncoder().encode(Sized())
        XCTAssertEqual(value["byte"], 255)
        XCTAssertEqual(value["single"], .number(JSONNumber(text: "1.5")))
    }
}
