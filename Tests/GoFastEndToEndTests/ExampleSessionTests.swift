import Foundation
import JSONRPC
import XCTest

/// The sessions in `protocol/examples/` run as their README says, and the help text points at the quickstart.
final class ExampleSessionTests: GoFastTestCase {
    private let examples = ProtocolDocument.repositoryRoot.appendingPathComponent("protocol/examples")

    func testSessionBasicsRunsAsDocumented() throws {
        let lines = try String(contentsOf: examples.appendingPathComponent("session-basics.jsonl"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let client = try connect()
        var ids: [JSONValue] = []
        for line in lines {
            let message = try JSONParser.parse(Array(line.utf8))
            if let id = message["id"] { ids.append(id) }
            client.sendBody(line)
        }
        // The session ends with exit after shutdown.
        XCTAssertEqual(try client.server.waitForExit(), 0)
        let replies = try client.replies(to: ids)
        let errors = ids.compactMap { replies[$0]?.errorCode }
        XCTAssertEqual(errors.sorted(), [-32602, -32001], "the example shows exactly two errors")
        XCTAssertEqual(replies[ids.first!]?["result"]?["serverInfo"]?["name"], "gofast")
        XCTAssertTrue(client.server.unreadStdout.isEmpty)
    }

    func testTheHelpPointsAtTheDemoAndItRuns() throws {
        let help = try run(["--help"]).stdout
        XCTAssertTrue(help.contains("gofast demo"), "the help shows the quickstart")
        XCTAssertEqual(try run(["demo", "--print-session"]).code, 0)
    }
}
