import Foundation
import JSONRPC
import XCTest

/// The `gofast` command line: help, `call`, option validation, and a clean stdout at any log level.
final class CommandLineTests: GoFastTestCase {
    func testHelpMentionsTheSubcommandsAndTheOptions() throws {
        let outcome = try run(["--help"])
        XCTAssertEqual(outcome.code, 0)
        for word in ["serve", "call", "--db", "--framing", "--max-message-bytes", "--log-level"] {
            XCTAssertTrue(outcome.stdout.contains(word), "gofast --help does not mention \(word)")
        }
    }

    func testServeHelpDocumentsEveryOption() throws {
        let outcome = try run(["serve", "--help"])
        XCTAssertEqual(outcome.code, 0)
        for word in ["--db", "--framing", "content-length", "newline", "--max-message-bytes", "--log-level"] {
            XCTAssertTrue(outcome.stdout.contains(word), "gofast serve --help does not mention \(word)")
        }
    }

    func testCallPrintsTheResultAsJSONOnStdout() throws {
        let document = try ProtocolDocument.shared.get()
        func call(_ method: String, _ params: String? = nil) throws -> JSONValue {
            let outcome = try run(["call", "--db", databasePath, method] + (params.map { [$0] } ?? []))
            XCTAssertEqual(outcome.code, 0, outcome.stderr)
            XCTAssertTrue(outcome.stdout.hasSuffix("\n"))
            let result = try JSONParser.parse(Array(outcome.stdout.utf8))
            XCTAssertEqual(document.checker.errors(result, document.resultSchema(of: method) ?? false), [], "\(method) result schema")
            return result
        }
        XCTAssertEqual(try call("athlete.list"), .array([]))
        let athlete = try call("athlete.create", #"{"id":"ath_cli","name":"Cli","timeZone":"UTC"}"#)
        XCTAssertEqual(athlete["id"], "ath_cli")
        XCTAssertEqual(try call("athlete.list"), .array([athlete]))
        XCTAssertEqual(try call("athlete.get", #"{"id":"ath_cli"}"#), athlete)
    }

    func testCallReportsErrorsOnStderrWithExitCodeOne() throws {
        let missing = try run(["call", "--db", databasePath, "athlete.get", #"{"id":"ath_none"}"#])
        XCTAssertEqual(missing.code, 1)
        XCTAssertEqual(missing.stdout, "")
        let error = try JSONParser.parse(Array(missing.stderr.split(separator: "\n").last.map(String.init)?.utf8 ?? "".utf8))
        XCTAssertEqual(error["error"]?["code"], -32001)
        let document = try ProtocolDocument.shared.get()
        XCTAssertEqual(document.checker.errors(error["error"] ?? .null, document.schema("ErrorObject")), [])

        let unknown = try run(["call", "--db", databasePath, "no.such.method"])
        XCTAssertEqual(unknown.code, 1)
        XCTAssertTrue(unknown.stderr.contains("-32601"), unknown.stderr)

        let notJSON = try run(["call", "--db", databasePath, "athlete.list", "{not json"])
        XCTAssertNotEqual(notJSON.code, 0)
        XCTAssertEqual(notJSON.stdout, "")
    }

    func testATooSmallMessageLimitIsRefused() throws {
        let outcome = try run(["--db", ":memory:", "--max-message-bytes", "100"])
        XCTAssertNotEqual(outcome.code, 0)
        XCTAssertEqual(outcome.stdout, "")
        XCTAssertTrue(outcome.stderr.contains("max-message-bytes"), outcome.stderr)
    }

    func testAnUnopenableDatabaseExitsWithTwo() throws {
        let blocker = temporaryDirectory.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let outcome = try run(["--db", blocker.path + "/under/a/file.sqlite"])
        XCTAssertEqual(outcome.code, 2)
        XCTAssertEqual(outcome.stdout, "")
        XCTAssertFalse(outcome.stderr.isEmpty)
    }

    func testStdoutCarriesOnlyProtocolBytesAtTraceLevel() throws {
        for framing in [WireFraming.newline, .contentLength] {
            let client = try connect(db: databasePath, framing: framing, arguments: ["--log-level", "trace", "--max-message-bytes", "2048"])
            _ = try client.result("initialize", [:])
            client.notify("initialized")
            _ = try client.result("athlete.create", ["name": "Trace", "timeZone": "UTC"])
            _ = try client.error("athlete.get", ["id": "nobody"], code: -32001)
            _ = try client.error("athlete.create", ["name": ""], code: -32602)
            _ = try client.error("no.such", code: -32601)
            client.notify("foobar")
            client.notify("$/foo")
            client.sendBody("{oops")
            XCTAssertEqual(try client.next().errorCode, -32700)
            client.sendBody(#"{"jsonrpc":"2.0","id":"big","method":"athlete.list","params":{"pad":""# + String(repeating: "x", count: 5000) + #""}}"#)
            XCTAssertEqual(try client.next().errorCode, -32600)
            _ = try client.result("shutdown")
            client.notify("exit")
            XCTAssertEqual(try client.server.waitForExit(), 0)
            XCTAssertTrue(client.server.unreadStdout.isEmpty, "stray bytes on stdout: \(String(decoding: client.server.unreadStdout.prefix(300), as: UTF8.self))")
            XCTAssertFalse(client.server.stderrText.isEmpty, "the log goes to stderr")
        }
    }
}

/// `gofast [serve] OPTIONS` is read without ArgumentParser on the way to serving; anything else still gets its messages.
final class ServeArgumentsTests: GoFastTestCase {
    private func answersInitialize(_ arguments: [String]) throws -> Bool {
        let server = try launch(arguments)
        server.write(Array(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#.utf8) + [0x0A])
        server.closeStdin()
        let code = try server.waitForExit()
        return code == 0 && String(decoding: server.allStdout, as: UTF8.self).contains(#""serverInfo""#)
    }

    func testEveryServeOptionFormIsServed() throws {
        XCTAssertTrue(try answersInitialize(["--db", databasePath]))
        XCTAssertTrue(try answersInitialize(["--db=\(databasePath)"]))
        XCTAssertTrue(try answersInitialize(["serve", "--db", databasePath, "--framing", "newline", "--max-message-bytes=4096",
                                             "--log-level", "error", "--generator", "builtin"]))
        XCTAssertTrue(try answersInitialize(["--log-level=debug", "--db", ":memory:", "--generator=openai"]))
        XCTAssertTrue(try answersInitialize([]), "the default database under XDG_DATA_HOME")
    }

    func testWhatTheFastReadingDeclinesGetsArgumentParsersMessages() throws {
        for (arguments, mention) in [
            (["--framing", "bogus"], "framing"), (["--log-level", "loud"], "log-level"), (["--no-such-option"], "no-such-option"),
            (["--max-message-bytes", "12"], "max-message-bytes"), (["--db"], "db"), (["serve", "extra"], "extra"),
            (["--db", "--log-level", "debug"], "db"), (["serve", "--db", "-v"], "db"),
        ] {
            let outcome = try run(arguments)
            XCTAssertNotEqual(outcome.code, 0, "\(arguments)")
            XCTAssertEqual(outcome.stdout, "", "\(arguments)")
            XCTAssertTrue(outcome.stderr.contains(mention), "\(arguments): \(outcome.stderr)")
        }
        let version = try run(["serve", "--help"])
        XCTAssertEqual(version.code, 0)
        XCTAssertTrue(version.stdout.contains("--framing"))
    }
}
