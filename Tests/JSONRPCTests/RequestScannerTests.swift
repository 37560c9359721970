@testable import JSONRPC
import XCTest

/// `ScannedRequest` recognises the plain request shape and declines everything else, so it never disagrees with `JSONParser`.
final class RequestScannerTests: XCTestCase {
    private func scan(_ text: String) -> ScannedRequest? { ScannedRequest(Array(text.utf8)) }

    func testThePlainShapeInAnyOrderAndSpacing() throws {
        let bodies = [
            #"{"jsonrpc":"2.0","id":7,"method":"athlete.get","params":{"id":"a-1"}}"#,
            #" {"params" : {"id":"a-1"}, "method":"athlete.get","id":7 ,"jsonrpc":"2.0"}"# + "\r\n\t ",
        ]
        for body in bodies {
            let request = try XCTUnwrap(scan(body), body)
            XCTAssertEqual(String(decoding: request.id, as: UTF8.self), "7")
            XCTAssertEqual(request.method, "athlete.get")
            XCTAssertEqual(JSONScanner.onlyPlainStringMember("id", of: try XCTUnwrap(request.params)), "a-1")
            // The id is written back exactly as the parser's value would be.
            let parsed = try JSONParser.parse(Array(body.utf8))
            XCTAssertEqual(JSONWriter.bytes(parsed["id"]!), Array(request.id))
        }
        XCTAssertEqual(scan(#"{"jsonrpc":"2.0","id":"x y","method":"m"}"#).map { String(decoding: $0.id, as: UTF8.self) }, #""x y""#)
        XCTAssertNil(scan(#"{"jsonrpc":"2.0","id":"x y","method":"m"}"#)?.params)
        XCTAssertEqual(scan(#"{"jsonrpc":"2.0","id":-12,"method":"m","params":{"a":[{"b":"}"}]}}"#).map { String(decoding: $0.params!, as: UTF8.self) },
                       #"{"a":[{"b":"}"}]}"#)
    }

    func testAnythingElseIsDeclined() {
        let declined = [
            #"[{"jsonrpc":"2.0","id":1,"method":"m"}]"#,  // a batch
            #"{"jsonrpc":"2.0","method":"m"}"#,  // a notification
            #"{"jsonrpc":"2.0","id":null,"method":"m"}"#,
            #"{"jsonrpc":"2.0","id":1.5,"method":"m"}"#, #"{"jsonrpc":"2.0","id":1e3,"method":"m"}"#, #"{"jsonrpc":"2.0","id":007,"method":"m"}"#,
            #"{"jsonrpc":"2.0","id":"a\"b","method":"m"}"#, #"{"jsonrpc":"2.0","id":"é","method":"m"}"#,
            #"{"jsonrpc":"2.0","id":1,"method":"m\u0041"}"#, #"{"jsonrpc":"2.0","id":1,"m\u0065thod":"m"}"#,
            #"{"jsonrpc":"1.0","id":1,"method":"m"}"#, #"{"id":1,"method":"m"}"#,
            #"{"jsonrpc":"2.0","id":1,"id":2,"method":"m"}"#, #"{"jsonrpc":"2.0","id":1,"method":"m","method":"n"}"#,
            #"{"jsonrpc":"2.0","id":1,"method":"m","params":[1]}"#, #"{"jsonrpc":"2.0","id":1,"method":"m","params":null}"#,
            #"{"jsonrpc":"2.0","id":1,"method":"m","extra":true}"#,
            #"{"jsonrpc":"2.0","id":1,"method":"m"} {}"#, #"{"jsonrpc":"2.0","id":1,"method":"m""#, #"{"jsonrpc":"2.0","id":1,"method":"m","params":{"a":1}"#,
            "", "{}", "1", #"{"jsonrpc":"2.0","id":""# + String(repeating: "9", count: 80) + #"","method":"m"}"#,
        ]
        for body in declined { XCTAssertNil(scan(body), body) }
    }

    func testOnlyAPlainSingleMemberIsReadFromParams() {
        func member(_ text: String) -> String? { JSONScanner.onlyPlainStringMember("id", of: Array(text.utf8)[...]) }
        XCTAssertEqual(member(#"{"id":"a"}"#), "a")
        XCTAssertEqual(member(#" { "id" : "" } "#), "")
        for text in [#"{"id":"a","x":1}"#, #"{"x":"a"}"#, #"{"id":1}"#, #"{"id":"a\u0000"}"#, #"{"id":"ä"}"#, #"{"id":"a"} x"#, #"{"id":"a""#, "{}"] {
            XCTAssertNil(member(text), text)
        }
    }
}
