import Foundation
import JSONRPC
import XCTest

/// One row of a conformance table: a message body sent to the server and what must come back.
struct WireCase {
    /// What the server must answer.
    enum Expectation {
        /// No reply at all (a notification).
        case nothing
        /// A result for `id`.
        case result(id: JSONValue)
        /// An error with `code` for `id`; for -32602 `field` is `data.field`; `reason` is a substring of `data.reason`.
        case error(code: Int, id: JSONValue, field: String? = nil, reason: String? = nil)
    }

    let name: String
    let body: [UInt8]
    let expectation: Expectation

    init(_ name: String, _ body: String, _ expectation: Expectation) {
        self.name = name
        self.body = Array(body.utf8)
        self.expectation = expectation
    }

    init(_ name: String, bytes: [UInt8], _ expectation: Expectation) {
        self.name = name
        self.body = bytes
        self.expectation = expectation
    }
}

extension GoFastClient {
    /// Sends every case in turn over this connection and checks each reply; a `.nothing` case is followed by a
    /// sentinel request whose reply must be the next message.
    func run(_ cases: [WireCase], file: StaticString = #filePath, line: UInt = #line) throws {
        for (index, testCase) in cases.enumerated() {
            sendBody(testCase.body)
            switch testCase.expectation {
            case .nothing:
                let sentinel = JSONValue.string("sentinel-\(index)")
                let reply = try call("athlete.list", id: sentinel, file: file, line: line)
                XCTAssertNotNil(reply["result"], "\(testCase.name): the sentinel failed: \(reply.text)", file: file, line: line)
            case .result(let id):
                let reply = try next(file: file, line: line)
                XCTAssertEqual(reply["id"], id, "\(testCase.name): id not echoed exactly: \(reply.text)", file: file, line: line)
                XCTAssertNotNil(reply["result"], "\(testCase.name): expected a result, got \(reply.text)", file: file, line: line)
            case .error(let code, let id, let field, let reason):
                let reply = try next(file: file, line: line)
                XCTAssertEqual(reply["id"], id, "\(testCase.name): wrong id: \(reply.text)", file: file, line: line)
                XCTAssertEqual(reply.errorCode, code, "\(testCase.name): wrong reply: \(reply.text)", file: file, line: line)
                if let field {
                    XCTAssertEqual(reply["error"]?["data"]?["field"], .string(field), "\(testCase.name): wrong data.field: \(reply.text)", file: file, line: line)
                }
                if let reason {
                    let actual = reply["error"]?["data"]?["reason"]?.stringValue ?? ""
                    XCTAssertTrue(actual.contains(reason), "\(testCase.name): data.reason \(actual.debugDescription) lacks \(reason.debugDescription)", file: file, line: line)
                }
            }
        }
    }
}
