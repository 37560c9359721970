import Foundation
import JSONRPC
import XCTest

/// JSON-RPC 2.0 over the real binary: every rule of the specification, one table per rule.
final class JSONRPCConformanceTests: GoFastTestCase {
    private let list = #""method":"athlete.list""#

    // MARK: - Ids

    func testIdsAreEchoedExactly() throws {
        let ids = [
            "1", "0", "-1", "1.0", "-0", "-0.0", "1e3", "1E+3", "2.5e-7", "0.1",
            "123456789012345678901234567890", "-9223372036854775809", "18446744073709551616", "1e400",
            #""""#, #""abc""#, #""😀 é 中文""#, #""\ud83d\ude00""#, #""a\"b\\c\/d\n\t\u0000""#,
            "\"" + String(repeating: "x", count: 1000) + "\"", "null",
        ]
        let client = try connect()
        try client.run(ids.map { id in
            WireCase("id \(id.prefix(40))", #"{"jsonrpc":"2.0","id":\#(id),\#(list)}"#, .result(id: try! JSONParser.parse(Array(id.utf8))))
        })
        // The text of a numeric id comes back byte for byte, not re-formatted.
        let stdout = String(decoding: client.server.allStdout, as: UTF8.self)
        for id in ["1.0", "-0", "-0.0", "1E+3", "2.5e-7", "123456789012345678901234567890", "1e400"] {
            XCTAssertTrue(stdout.contains(#"{"id":\#(id),"#), "numeric id \(id) not echoed verbatim")
        }
        try client.finish()
    }

    // MARK: - Notifications

    func testNotificationsAreNeverAnswered() throws {
        let client = try connect()
        try client.run([
            WireCase("a read", #"{"jsonrpc":"2.0",\#(list)}"#, .nothing),
            WireCase("with params", #"{"jsonrpc":"2.0","method":"athlete.get","params":{"id":"nobody"}}"#, .nothing),
            WireCase("unknown method", #"{"jsonrpc":"2.0","method":"foobar"}"#, .nothing),
            WireCase("positional params", #"{"jsonrpc":"2.0","method":"athlete.update","params":[1,2,3,4,5]}"#, .nothing),
            WireCase("invalid params", #"{"jsonrpc":"2.0","method":"athlete.create","params":{"name":""}}"#, .nothing),
            WireCase("initialized", #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#, .nothing),
            WireCase("unknown $/ notification", #"{"jsonrpc":"2.0","method":"$/foo","params":{"x":1}}"#, .nothing),
            WireCase("$/cancelRequest of nothing", #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":424242}}"#, .nothing),
            WireCase("$/progress from the client", #"{"jsonrpc":"2.0","method":"$/progress","params":{"token":"t","value":{"kind":"end"}}}"#, .nothing),
            WireCase("$/setTrace", #"{"jsonrpc":"2.0","method":"$/setTrace","params":{"value":"off"}}"#, .nothing),
        ])
        try client.finish()
    }

    func testANotificationRunsForItsEffect() throws {
        let client = try connect()
        client.notify("athlete.create", ["id": "ath_quiet", "name": "Quiet", "timeZone": "UTC"])
        let athlete = try client.result("athlete.get", ["id": "ath_quiet"])
        XCTAssertEqual(athlete["name"], "Quiet")
        try client.finish()
    }

    // MARK: - Batches

    func testAnEmptyBatchIsOneInvalidRequest() throws {
        let client = try connect(arguments: ["--framing", "newline"])
        client.sendBody("[]")
        let reply = try client.next()
        XCTAssertNil(reply.arrayValue, "an empty batch is answered with a single object, not an array: \(reply.text)")
        XCTAssertEqual(reply.errorCode, -32600)
        XCTAssertEqual(reply["id"], .null)
        try client.finish()
    }

    func testABatchOfNotificationsIsAnsweredWithNothing() throws {
        let client = try connect(arguments: ["--framing", "newline"])
        try client.run([
            WireCase("two notifications", #"[{"jsonrpc":"2.0",\#(list)},{"jsonrpc":"2.0","method":"$/foo"}]"#, .nothing),
            WireCase("one notification", #"[{"jsonrpc":"2.0","method":"foobar","params":[7]}]"#, .nothing),
            WireCase("notifications with effects", #"[{"jsonrpc":"2.0","method":"athlete.create","params":{"id":"ath_b","name":"B","timeZone":"UTC"}},{"jsonrpc":"2.0","method":"athlete.create","params":{"name":""}}]"#, .nothing),
        ])
        XCTAssertEqual(try client.result("athlete.list").arrayValue?.count, 1)
        try client.finish()
    }

    func testInvalidBatchElementsAreEachAnswered() throws {
        let client = try connect(arguments: ["--framing", "newline"])
        for (body, count) in [("[1]", 1), ("[1,2,3]", 3), (#"["a",null,{},[]]"#, 4), ("[[]]", 1)] {
            client.sendBody(body)
            let reply = try client.next()
            let elements = try XCTUnwrap(reply.arrayValue, "\(body): a batch is answered with an array: \(reply.text)")
            XCTAssertEqual(elements.count, count, body)
            for element in elements {
                XCTAssertEqual(element.errorCode, -32600, "\(body): \(element.text)")
                XCTAssertEqual(element["id"], .null, "\(body): \(element.text)")
            }
        }
        try client.finish()
    }

    func testAMixedBatchIsAnsweredOnceWithEveryRequestMatchedById() throws {
        let client = try connect()
        client.sendBody("""
            [{"jsonrpc":"2.0","method":"athlete.create","params":{"id":"ath_m","name":"Mixed","timeZone":"UTC"},"id":"create"},\
            {"jsonrpc":"2.0","method":"athlete.list"},\
            {"foo":"boo"},\
            {"jsonrpc":"2.0","method":"foo.get","params":{"name":"myself"},"id":"5"},\
            {"jsonrpc":"2.0","method":"athlete.get","params":{"id":"nobody"},"id":7},\
            {"jsonrpc":"2.0","method":"athlete.get","params":["ath_m"],"id":8},\
            {"jsonrpc":"2.0","method":"race.list","id":"9"}]
            """)
        let reply = try client.next()
        let elements = try XCTUnwrap(reply.arrayValue, reply.text)
        XCTAssertEqual(elements.count, 6, "one reply per request and per invalid element, none for the notification")
        var byID: [JSONValue: JSONValue] = [:]
        for element in elements where element["id"] != .null { byID[element["id"]!] = element }
        XCTAssertEqual(byID["create"]?["result"]?["id"], "ath_m")
        XCTAssertEqual(byID["5"]?.errorCode, -32601)
        XCTAssertEqual(byID[7]?.errorCode, -32001)
        XCTAssertEqual(byID[8]?.errorCode, -32602)
        XCTAssertEqual(byID["9"]?["result"], .array([]))
        XCTAssertEqual(elements.filter { $0["id"] == .null }.map(\.errorCode), [-32600])
        try client.finish()
    }

    // MARK: - -32700

    func testParseErrorsAreAnsweredWithIdNull() throws {
        let request = #"{"jsonrpc":"2.0","id":1,"method":"athlete.list","params":{"x":"#
        func invalid(_ name: String, _ bytes: [UInt8]) -> WireCase {
            WireCase(name, bytes: bytes, .error(code: -32700, id: .null))
        }
        let cases: [WireCase] = [
            WireCase("a valid request first", #"{"jsonrpc":"2.0","id":0,\#(list)}"#, .result(id: 0)),
            invalid("truncated", Array(#"{"jsonrpc":"2.0","id":1,"method":"athlete.list""#.utf8)),
            invalid("truncated in a string", Array(#"{"jsonrpc":"2.0","id":1,"method":"athl"#.utf8)),
            invalid("spec example", Array(#"{"jsonrpc": "2.0", "method": "foobar, "params": "bar", "baz]"#.utf8)),
            invalid("invalid UTF-8 byte FF", Array(request.utf8) + [0x22, 0xFF, 0x22, 0x7D, 0x7D]),
            invalid("overlong encoding", Array(request.utf8) + [0x22, 0xC0, 0xAF, 0x22, 0x7D, 0x7D]),
            invalid("UTF-8 encoded surrogate", Array(request.utf8) + [0x22, 0xED, 0xA0, 0x80, 0x22, 0x7D, 0x7D]),
            invalid("truncated multi-byte sequence", Array(request.utf8) + [0x22, 0xE2, 0x82, 0x22, 0x7D, 0x7D]),
            invalid("lone continuation byte", Array(request.utf8) + [0x22, 0x80, 0x22, 0x7D, 0x7D]),
            invalid("invalid UTF-8 in a key", Array(#"{"jsonrpc":"2.0","id":1,"method":"athlete.list",""#.utf8) + [0xFE] + Array(#"":1}"#.utf8)),
            invalid("invalid byte outside strings", Array(#"{"jsonrpc":"2.0","id":1,"#.utf8) + [0xFF] + Array(#"}"#.utf8)),
            invalid("100k [", [UInt8](repeating: UInt8(ascii: "["), count: 100_000)),
            invalid("100k [ then 100k ]", [UInt8](repeating: UInt8(ascii: "["), count: 100_000) + [UInt8](repeating: UInt8(ascii: "]"), count: 100_000)),
            invalid("nesting 300 deep in params", Array((#"{"jsonrpc":"2.0","id":1,"method":"athlete.list","params":{"x":"# + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "}}").utf8)),
            invalid("trailing comma", Array(#"{"jsonrpc":"2.0","id":1,"method":"athlete.list",}"#.utf8)),
            invalid("single quotes", Array(#"{'jsonrpc':'2.0','id':1,'method':'athlete.list'}"#.utf8)),
            invalid("unquoted key", Array(#"{jsonrpc:"2.0","id":1,"method":"athlete.list"}"#.utf8)),
            invalid("NaN", Array(#"{"jsonrpc":"2.0","id":NaN,"method":"athlete.list"}"#.utf8)),
            invalid("leading zero", Array(#"{"jsonrpc":"2.0","id":01,"method":"athlete.list"}"#.utf8)),
            invalid("plus sign", Array(#"{"jsonrpc":"2.0","id":+1,"method":"athlete.list"}"#.utf8)),
            invalid("fraction without digits", Array(#"{"jsonrpc":"2.0","id":1.,"method":"athlete.list"}"#.utf8)),
            invalid("comment", Array(#"{"jsonrpc":"2.0","id":1,/* c */"method":"athlete.list"}"#.utf8)),
            invalid("trailing garbage", Array(#"{"jsonrpc":"2.0","id":1,"method":"athlete.list"} x"#.utf8)),
            invalid("two values on one line", Array(#"{"jsonrpc":"2.0","id":1,"method":"athlete.list"}{"jsonrpc":"2.0","id":2,"method":"athlete.list"}"#.utf8)),
            invalid("lone high surrogate escape", Array((request + #""\ud800"}}"#).utf8)),
            invalid("lone low surrogate escape", Array((request + #""\udc00"}}"#).utf8)),
            invalid("bad escape", Array((request + #""\x41"}}"#).utf8)),
            invalid("raw tab in a string", Array((request + "\"a\tb\"}}").utf8)),
            invalid("true misspelled", Array(#"{"jsonrpc":"2.0","id":1,"method":"athlete.list","params":{"x":tru}}"#.utf8)),
            WireCase("still serving", #"{"jsonrpc":"2.0","id":"after",\#(list)}"#, .result(id: "after")),
            WireCase("nesting 200 deep is fine", #"{"jsonrpc":"2.0","id":"deep","method":"athlete.list","params":{"x":"# + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "}}", .result(id: "deep")),
        ]
        let client = try connect()
        try client.run(cases)
        try client.finish()
    }

    // MARK: - -32600

    func testInvalidRequestsAreAnsweredWithTheirIdOrNull() throws {
        let client = try connect(arguments: ["--framing", "newline"])
        try client.run([
            WireCase("a number", "1", .error(code: -32600, id: .null)),
            WireCase("a string", #""athlete.list""#, .error(code: -32600, id: .null)),
            WireCase("null", "null", .error(code: -32600, id: .null)),
            WireCase("true", "true", .error(code: -32600, id: .null)),
            WireCase("spec example: method 1, params \"bar\"", #"{"jsonrpc": "2.0", "method": 1, "params": "bar"}"#, .error(code: -32600, id: .null)),
            WireCase("id an object", #"{"jsonrpc":"2.0","id":{},\#(list)}"#, .error(code: -32600, id: .null)),
            WireCase("id an array", #"{"jsonrpc":"2.0","id":[1],\#(list)}"#, .error(code: -32600, id: .null)),
            WireCase("id a boolean", #"{"jsonrpc":"2.0","id":true,\#(list)}"#, .error(code: -32600, id: .null)),
            WireCase("jsonrpc missing", #"{"id":1,\#(list)}"#, .error(code: -32600, id: 1)),
            WireCase("jsonrpc 1.0", #"{"jsonrpc":"1.0","id":2,\#(list)}"#, .error(code: -32600, id: 2)),
            WireCase("jsonrpc a number", #"{"jsonrpc":2.0,"id":3,\#(list)}"#, .error(code: -32600, id: 3)),
            WireCase("jsonrpc missing, no id", #"{\#(list)}"#, .error(code: -32600, id: .null)),
            WireCase("method missing", #"{"jsonrpc":"2.0","id":4}"#, .error(code: -32600, id: 4)),
            WireCase("method missing, no id", #"{"jsonrpc":"2.0"}"#, .error(code: -32600, id: .null)),
            WireCase("method a number", #"{"jsonrpc":"2.0","id":5,"method":1}"#, .error(code: -32600, id: 5)),
            WireCase("method null", #"{"jsonrpc":"2.0","id":6,"method":null}"#, .error(code: -32600, id: 6)),
            WireCase("params a string", #"{"jsonrpc":"2.0","id":7,\#(list),"params":"bar"}"#, .error(code: -32600, id: 7)),
            WireCase("params a number", #"{"jsonrpc":"2.0","id":8,\#(list),"params":5}"#, .error(code: -32600, id: 8)),
            WireCase("params a boolean", #"{"jsonrpc":"2.0","id":9,\#(list),"params":true}"#, .error(code: -32600, id: 9)),
            WireCase("params a string, no id", #"{"jsonrpc":"2.0",\#(list),"params":"bar"}"#, .error(code: -32600, id: .null)),
            WireCase("params null is absent params", #"{"jsonrpc":"2.0","id":10,\#(list),"params":null}"#, .result(id: 10)),
            WireCase("still serving", #"{"jsonrpc":"2.0","id":11,\#(list)}"#, .result(id: 11)),
        ])
        try client.finish()
    }

    // MARK: - -32601

    func testUnknownMethodsAreMethodNotFound() throws {
        let client = try connect()
        for method in ["foobar", "Athlete.list", "athlete.List", "athlete.list ", "", "rpc.foo", "$/cancelRequest", "initialized", "exit"] {
            let error = try client.error(method, code: -32601)
            XCTAssertEqual(error["data"]?["method"], .string(method), "data names the method")
        }
        try client.finish()
    }

    // MARK: - -32602

    func testInvalidParamsNameTheFieldAndTheReason() throws {
        func create(_ params: String) -> String { #"{"jsonrpc":"2.0","id":"x","method":"athlete.create","params":\#(params)}"# }
        func race(_ params: String) -> String { #"{"jsonrpc":"2.0","id":"x","method":"race.create","params":\#(params)}"# }
        func invalid(_ field: String, reason: String? = nil) -> WireCase.Expectation { .error(code: -32602, id: "x", field: field, reason: reason) }
        let client = try connect()
        try client.run([
            WireCase("positional params", #"{"jsonrpc":"2.0","id":"x","method":"athlete.get","params":["ath_1"]}"#, invalid("params", reason: "named params")),
            WireCase("positional params, empty", #"{"jsonrpc":"2.0","id":"x","method":"athlete.list","params":[]}"#, invalid("params", reason: "named params")),
            WireCase("positional initialize", #"{"jsonrpc":"2.0","id":"x","method":"initialize","params":[1]}"#, invalid("params", reason: "named params")),
            WireCase("missing name", create(#"{"timeZone":"UTC"}"#), invalid("name", reason: "required")),
            WireCase("missing timeZone", create(#"{"name":"Ada"}"#), invalid("timeZone", reason: "required")),
            WireCase("name a number", create(#"{"name":5,"timeZone":"UTC"}"#), invalid("name", reason: "string")),
            WireCase("name null", create(#"{"name":null,"timeZone":"UTC"}"#), invalid("name")),
            WireCase("name empty", create(#"{"name":"","timeZone":"UTC"}"#), invalid("name", reason: "empty")),
            WireCase("name blank", create(#"{"name":"   ","timeZone":"UTC"}"#), invalid("name", reason: "empty")),
            WireCase("name too long", create(#"{"name":"\#(String(repeating: "n", count: 201))","timeZone":"UTC"}"#), invalid("name")),
            WireCase("unknown time zone", create(#"{"name":"Ada","timeZone":"Mars/Olympus"}"#), invalid("timeZone", reason: "Mars/Olympus")),
            WireCase("time zone abbreviation", create(#"{"name":"Ada","timeZone":"PST"}"#), invalid("timeZone")),
            WireCase("bad e-mail", create(#"{"name":"Ada","timeZone":"UTC","email":"ada"}"#), invalid("email")),
            WireCase("five K too fast", create(#"{"name":"Ada","timeZone":"UTC","fiveKTimeSeconds":100}"#), invalid("fiveKTimeSeconds")),
            WireCase("five K a string", create(#"{"name":"Ada","timeZone":"UTC","fiveKTimeSeconds":"20:00"}"#), invalid("fiveKTimeSeconds", reason: "number")),
            WireCase("max heart rate out of range", create(#"{"name":"Ada","timeZone":"UTC","maxHeartRate":300}"#), invalid("maxHeartRate", reason: "250")),
            WireCase("max heart rate a string", create(#"{"name":"Ada","timeZone":"UTC","maxHeartRate":"180"}"#), invalid("maxHeartRate", reason: "integer")),
            WireCase("resting ≥ max", create(#"{"name":"Ada","timeZone":"UTC","maxHeartRate":110,"restingHeartRate":110}"#), invalid("restingHeartRate", reason: "maxHeartRate")),
            WireCase("bad client id", create(#"{"id":"a b","name":"Ada","timeZone":"UTC"}"#), invalid("id")),
            WireCase("client id too long", create(#"{"id":"\#(String(repeating: "a", count: 65))","name":"Ada","timeZone":"UTC"}"#), invalid("id")),
            WireCase("negative distance", race(#"{"name":"R","date":"2027-03-01","distanceMeters":-5}"#), invalid("distanceMeters", reason: "-5")),
            WireCase("zero distance", race(#"{"name":"R","date":"2027-03-01","distanceMeters":0}"#), invalid("distanceMeters")),
            WireCase("distance a string", race(#"{"name":"R","date":"2027-03-01","distanceMeters":"5000"}"#), invalid("distanceMeters", reason: "number")),
            WireCase("malformed date", race(#"{"name":"R","date":"2027-3-1","distanceMeters":5000}"#), invalid("date", reason: "YYYY-MM-DD")),
            WireCase("date with a time", race(#"{"name":"R","date":"2027-03-01T09:00:00Z","distanceMeters":5000}"#), invalid("date")),
            WireCase("2027-02-30", race(#"{"name":"R","date":"2027-02-30","distanceMeters":5000}"#), invalid("date", reason: "2027-02-30")),
            WireCase("2027-02-29 (not a leap year)", race(#"{"name":"R","date":"2027-02-29","distanceMeters":5000}"#), invalid("date")),
            WireCase("month 13", race(#"{"name":"R","date":"2027-13-01","distanceMeters":5000}"#), invalid("date")),
            WireCase("missing date", race(#"{"name":"R","distanceMeters":5000}"#), invalid("date", reason: "required")),
            WireCase("empty location", race(#"{"name":"R","date":"2027-03-01","distanceMeters":5000,"location":""}"#), invalid("location")),
            WireCase("get without id", #"{"jsonrpc":"2.0","id":"x","method":"athlete.get","params":{}}"#, invalid("id", reason: "required")),
            WireCase("get with a numeric id", #"{"jsonrpc":"2.0","id":"x","method":"race.get","params":{"id":5}}"#, invalid("id", reason: "string")),
            WireCase("plan.list without athleteId", #"{"jsonrpc":"2.0","id":"x","method":"plan.list","params":{}}"#, invalid("athleteId", reason: "required")),
            WireCase("update clears the name", #"{"jsonrpc":"2.0","id":"x","method":"athlete.update","params":{"id":"a","name":null}}"#, invalid("name")),
            WireCase("a fractional heart rate", create(#"{"name":"Ada","timeZone":"UTC","maxHeartRate":180.5}"#), invalid("maxHeartRate")),
            WireCase("a heart rate beyond Int", create(#"{"name":"Ada","timeZone":"UTC","maxHeartRate":99999999999999999999}"#), invalid("maxHeartRate")),
            WireCase("a five K time beyond Double", create(#"{"name":"Ada","timeZone":"UTC","fiveKTimeSeconds":1e400}"#), invalid("fiveKTimeSeconds")),
        ])
        // Nothing was written by the refused creations.
        XCTAssertEqual(try client.result("athlete.list"), .array([]))
        XCTAssertEqual(try client.result("race.list"), .array([]))
        try client.finish()
    }

    // MARK: - Application errors

    func testNotFoundNamesTheEntityAndTheId() throws {
        let client = try connect()
        for (method, params, entity, id) in [
            ("athlete.get", ["id": "ath_missing"] as JSONValue, "athlete", "ath_missing"),
            ("athlete.update", ["id": "ath_gone", "name": "X"], "athlete", "ath_gone"),
            ("race.get", ["id": "race_missing"], "race", "race_missing"),
            ("plan.get", ["id": "plan_missing"], "plan", "plan_missing"),
            ("plan.list", ["athleteId": "ath_nobody"], "athlete", "ath_nobody"),
        ] {
            let error = try client.error(method, params, code: -32001)
            XCTAssertEqual(error["data"]?["id"], .string(id), method)
            XCTAssertEqual(error["data"]?["entity"], .string(entity), method)
            XCTAssertTrue(error["message"]?.stringValue?.contains(id) ?? false, "\(method): the message names the id")
        }
        try client.finish()
    }

    func testInternalErrorsLeakNothing() throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw XCTSkip("python3 is needed to damage the database behind the server's back")
        }
        let client = try connect(db: databasePath)
        _ = try client.result("race.create", ["id": "race_r", "name": "R", "date": "2027-03-01", "distanceMeters": 5000])
        // Break the store from outside so the next read fails inside SQLite.
        let script = "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('DROP TABLE raceTrainingPlan'); c.execute('DROP TABLE race'); c.commit()"
        let damage = Process()
        damage.executableURL = URL(fileURLWithPath: python)
        damage.arguments = ["-c", script, databasePath]
        let done = DispatchSemaphore(value: 0)
        damage.terminationHandler = { _ in done.signal() }
        try damage.run()
        if done.wait(timeout: .now() + 10) == .timedOut {
            damage.terminate()
            throw HarnessError("python did not finish within 10 s")
        }
        XCTAssertEqual(damage.terminationStatus, 0, "python could not damage the database")

        let reply = try client.call("race.list")
        let error = try XCTUnwrap(reply["error"], reply.text)
        XCTAssertEqual(error, ["code": -32603, "message": "Internal error"], "an internal error carries no details")
        let text = reply.text.lowercased()
        for secret in ["sqlite", "no such table", "race\"", databasePath.lowercased(), "grdb", "swift"] {
            XCTAssertFalse(text.contains(secret), "the reply leaks \(secret): \(reply.text)")
        }
        XCTAssertTrue(client.server.stderrEventuallyContains("no such table"), "the details go to the log on stderr")
        // The connection survives.
        XCTAssertEqual(try client.result("athlete.list"), .array([]))
        try client.finish()
    }

    // MARK: - The specification's own examples

    /// Section 7 of the spec, with its fixture methods replaced by ours: `subtract`, `sum` and `get_data` become
    /// methods that exist (a positional call is then -32602, a named one a result), the notifications stay
    /// notifications, and `foobar` and `foo.get` still do not exist. Sent with Content-Length framing because
    /// some examples span several lines.
    func testTheSpecificationExamples() throws {
        let url = ProtocolDocument.repositoryRoot.appendingPathComponent("Tests/Fixtures/reference/jsonrpc/spec-examples.json")
        let examples = try JSONParser.parse([UInt8](Data(contentsOf: url)))
        let cases = try XCTUnwrap(examples["cases"]?.arrayValue)
        XCTAssertEqual(cases.count, 15)
        let renames = [
            "\"subtract\"": "\"athlete.list\"", "\"sum\"": "\"race.list\"", "\"get_data\"": "\"athlete.list\"",
            "\"update\"": "\"athlete.update\"", "\"notify_hello\"": "\"race.list\"", "\"notify_sum\"": "\"athlete.list\"",
        ]
        let client = try connect(framing: .contentLength)
        for example in cases {
            let name = example["name"]?.stringValue ?? "?"
            var request = try XCTUnwrap(example["request"]?.stringValue)
            for (from, to) in renames { request = request.replacingOccurrences(of: from, with: to) }
            let expected: JSONValue? = try example["expected"]?.stringValue.map { try JSONParser.parse(Array($0.utf8)) }
            let parsedRequest = try? JSONParser.parse(Array(request.utf8))
            client.sendBody(request)
            guard let expected else {
                let sentinel = try client.call("athlete.list", id: .string("after \(name)"))
                XCTAssertNotNil(sentinel["result"], "\(name): a notification got an answer")
                continue
            }
            let reply = try client.next()
            if case .array(let expectedElements) = expected {
                let elements = try XCTUnwrap(reply.arrayValue, "\(name): \(reply.text)")
                XCTAssertEqual(elements.count, expectedElements.count, "\(name): \(reply.text)")
                let requests = parsedRequest?.arrayValue ?? []
                for expectedElement in expectedElements {
                    let id = expectedElement["id"] ?? .null
                    let matching = elements.filter { $0["id"] == id }
                    let request = requests.first { $0["id"] == id }
                    try check(matching.first, against: expectedElement, request: request, name: "\(name) id \(id.text)")
                }
            } else {
                try check(reply, against: expected, request: parsedRequest, name: name)
            }
        }
        try client.finish()
    }

    private func check(_ reply: JSONValue?, against expected: JSONValue, request: JSONValue?, name: String) throws {
        let reply = try XCTUnwrap(reply, "\(name): no reply")
        XCTAssertEqual(reply["id"], expected["id"], "\(name): \(reply.text)")
        if let code = expected.errorCode {
            XCTAssertEqual(reply.errorCode, code, "\(name): \(reply.text)")
        } else if request?["params"]?.arrayValue != nil {
            XCTAssertEqual(reply.errorCode, -32602, "\(name): positional params are refused: \(reply.text)")
        } else {
            XCTAssertNotNil(reply["result"], "\(name): \(reply.text)")
        }
    }
}
