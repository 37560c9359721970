import Foundation
import JSONRPC
import XCTest

/// The methods of issue 2 through the binary: happy paths, bad paths, and what is stored.
final class MethodTests: GoFastTestCase {
    private let ada: JSONValue = [
        "id": "ath_ada", "name": "Ada Lovelace", "timeZone": "Europe/London", "email": "ada@example.com",
        "fiveKTimeSeconds": 1500, "maxHeartRate": 185, "restingHeartRate": 50,
    ]

    // MARK: - athlete.*

    func testAthleteCreateReturnsEveryFieldAndGetReturnsTheSame() throws {
        let client = try connect()
        let created = try client.result("athlete.create", ada)
        for key in ["id", "name", "timeZone", "email", "fiveKTimeSeconds", "maxHeartRate", "restingHeartRate"] {
            XCTAssertTrue(JSONSchemaChecker.equal(created[key]!, ada[key]!), "\(key): \(created.text)")
        }
        XCTAssertEqual(created["createdAt"], created["updatedAt"])
        XCTAssertEqual(try client.result("athlete.get", ["id": "ath_ada"]), created)
        try client.finish()
    }

    func testAthleteCreateWithOnlyTheRequiredFields() throws {
        let client = try connect()
        let created = try client.result("athlete.create", ["name": "  Grace Hopper \n", "timeZone": "America/New_York"])
        let id = try XCTUnwrap(created["id"]?.stringValue)
        XCTAssertTrue(id.hasPrefix("ath_"), "the server makes the id: \(id)")
        XCTAssertEqual(created["name"], "Grace Hopper", "trimmed")
        for key in ["email", "fiveKTimeSeconds", "maxHeartRate", "restingHeartRate"] {
            XCTAssertEqual(created[key], .null, "\(key) is present and null")
        }
        // Unknown members are ignored; unicode survives.
        let other = try client.result("athlete.create", ["name": "Zoë 😀 中文 \"quoted\" \\", "timeZone": "UTC", "shoeSize": 44])
        XCTAssertEqual(other["name"], "Zoë 😀 中文 \"quoted\" \\")
        XCTAssertNotEqual(other["id"], created["id"])
        try client.finish()
    }

    func testAthleteCreateWithADuplicateIdIsAConflict() throws {
        let client = try connect()
        _ = try client.result("athlete.create", ada)
        let error = try client.error("athlete.create", ["id": "ath_ada", "name": "Impostor", "timeZone": "UTC"], code: -32002)
        XCTAssertNotNil(error["data"]?["reason"]?.stringValue)
        XCTAssertEqual(try client.result("athlete.get", ["id": "ath_ada"])["name"], "Ada Lovelace", "the first one is kept")
        try client.finish()
    }

    func testAthleteUpdateChangesOnlyTheGivenFieldsAndNullClears() throws {
        let client = try connect()
        let created = try client.result("athlete.create", ada)
        let updated = try client.result("athlete.update", ["id": "ath_ada", "email": .null, "name": "Countess Ada", "maxHeartRate": 190])
        XCTAssertEqual(updated["email"], .null, "null clears the e-mail")
        XCTAssertEqual(updated["name"], "Countess Ada")
        XCTAssertEqual(updated["maxHeartRate"], 190)
        for key in ["id", "timeZone", "fiveKTimeSeconds", "restingHeartRate", "createdAt"] {
            XCTAssertEqual(updated[key], created[key], "\(key) is unchanged")
        }
        XCTAssertGreaterThanOrEqual(updated["updatedAt"]?.stringValue ?? "", created["updatedAt"]?.stringValue ?? "~")
        XCTAssertEqual(try client.result("athlete.get", ["id": "ath_ada"]), updated, "the change is stored")

        let cleared = try client.result("athlete.update", ["id": "ath_ada", "fiveKTimeSeconds": .null, "maxHeartRate": .null, "restingHeartRate": .null])
        for key in ["fiveKTimeSeconds", "maxHeartRate", "restingHeartRate"] { XCTAssertEqual(cleared[key], .null, key) }
        XCTAssertEqual(cleared["name"], "Countess Ada")
        let unchanged = try client.result("athlete.update", ["id": "ath_ada"])
        XCTAssertEqual(unchanged["name"], cleared["name"], "an update without fields changes nothing but updatedAt")
        try client.finish()
    }

    func testAthleteUpdateBadPathsLeaveTheAthleteAsItWas() throws {
        let client = try connect()
        let created = try client.result("athlete.create", ada)
        XCTAssertEqual(try client.error("athlete.update", ["id": "ath_nobody", "name": "X"], code: -32001)["data"]?["id"], "ath_nobody")
        XCTAssertEqual(try client.error("athlete.update", ["id": "ath_ada", "restingHeartRate": 185], code: -32602)["data"]?["field"], "restingHeartRate")
        XCTAssertEqual(try client.error("athlete.update", ["id": "ath_ada", "maxHeartRate": 120, "restingHeartRate": 120], code: -32602)["data"]?["field"], "restingHeartRate")
        XCTAssertEqual(try client.error("athlete.update", ["id": "ath_ada", "name": ""], code: -32602)["data"]?["field"], "name")
        XCTAssertEqual(try client.error("athlete.update", ["id": "ath_ada", "timeZone": .null], code: -32602)["data"]?["field"], "timeZone")
        XCTAssertEqual(try client.error("athlete.update", ["id": "ath_ada", "timeZone": "Nowhere/Land"], code: -32602)["data"]?["field"], "timeZone")
        XCTAssertEqual(try client.error("athlete.update", ["name": "X"], code: -32602)["data"]?["field"], "id")
        XCTAssertEqual(try client.result("athlete.get", ["id": "ath_ada"]), created, "nothing changed")
        try client.finish()
    }

    func testAthleteListIsSortedByName() throws {
        let client = try connect()
        XCTAssertEqual(try client.result("athlete.list"), .array([]))
        for (id, name) in [("ath_c", "Carol"), ("ath_a", "Alice"), ("ath_b2", "Bob"), ("ath_b1", "Bob")] {
            _ = try client.result("athlete.create", ["id": .string(id), "name": .string(name), "timeZone": "UTC"])
        }
        let list = try client.result("athlete.list", [:])
        XCTAssertEqual(list.arrayValue?.compactMap { $0["id"] }, ["ath_a", "ath_b1", "ath_b2", "ath_c"])
        try client.finish()
    }

    // MARK: - race.*

    func testRaceCreateGetAndList() throws {
        let client = try connect()
        let london = try client.result("race.create", ["id": "race_london", "name": "London Marathon", "date": "2027-04-25", "distanceMeters": 42195, "location": "London"])
        XCTAssertEqual(london["id"], "race_london")
        XCTAssertEqual(london["date"], "2027-04-25")
        XCTAssertEqual(london["distanceMeters"]?.intValue, 42195)
        XCTAssertEqual(london["location"], "London")
        let parkrun = try client.result("race.create", ["name": "Parkrun", "date": "2026-12-05", "distanceMeters": 5000])
        XCTAssertTrue(parkrun["id"]?.stringValue?.hasPrefix("race_") ?? false, parkrun.text)
        XCTAssertEqual(parkrun["location"], .null)
        let leap = try client.result("race.create", ["name": "Leap day 10K", "date": "2028-02-29", "distanceMeters": .double(10000.5)])
        XCTAssertEqual(leap["distanceMeters"], JSONValue.double(10000.5))
        XCTAssertEqual(try client.result("race.get", ["id": "race_london"]), london)
        let list = try client.result("race.list")
        XCTAssertEqual(list.arrayValue?.compactMap { $0["date"] }, ["2026-12-05", "2027-04-25", "2028-02-29"], "by date")
        XCTAssertEqual(try client.error("race.get", ["id": "race_nowhere"], code: -32001)["data"]?["id"], "race_nowhere")
        XCTAssertEqual(try client.error("race.create", ["id": "race_london", "name": "Again", "date": "2027-04-25", "distanceMeters": 42195], code: -32002)["code"], -32002)
        XCTAssertEqual(try client.result("race.list").arrayValue?.count, 3, "the conflict wrote nothing")
        try client.finish()
    }

    // MARK: - plan.get, plan.list

    func testPlanReads() throws {
        let client = try connect()
        XCTAssertEqual(try client.error("plan.get", ["id": "plan_nothing"], code: -32001)["data"]?["id"], "plan_nothing")
        XCTAssertEqual(try client.error("plan.list", ["athleteId": "ath_nobody"], code: -32001)["data"]?["id"], "ath_nobody")
        _ = try client.result("athlete.create", ada)
        XCTAssertEqual(try client.result("plan.list", ["athleteId": "ath_ada"]), .array([]))
        try client.finish()
    }

    // MARK: - rpc.discover

    func testDiscoverReturnsExactlyTheProtocolDocument() throws {
        for framing in [WireFraming.contentLength, .newline] {
            let client = try connect(framing: framing)
            let discovered = try client.result("rpc.discover")
            let file = try JSONParser.parse([UInt8](Data(contentsOf: ProtocolDocument.url)))
            XCTAssertTrue(discovered == file, "rpc.discover differs from protocol/openrpc.json: rebuild (the binary embeds the file)")
            try client.finish()
        }
    }

    func testTheDocumentHasAnExampleForEveryMethodThatMatchesItsSchemas() throws {
        let document = try ProtocolDocument.shared.get()
        XCTAssertFalse(document.methods.isEmpty)
        for (name, method) in document.methods {
            let examples = try XCTUnwrap(method["examples"]?.arrayValue, "\(name) has examples")
            XCTAssertFalse(examples.isEmpty, "\(name) has an example")
            for example in examples {
                if let schema = document.resultSchema(of: name), let value = example["result"]?["value"] {
                    XCTAssertEqual(document.checker.errors(value, schema), [], "\(name): the example result matches the result schema")
                }
                let params = method["params"]?.arrayValue ?? []
                for param in example["params"]?.arrayValue ?? [] {
                    let descriptor = params.first { $0["name"] == param["name"] }
                    let schema = try XCTUnwrap(descriptor?["schema"], "\(name): example param \(param["name"]?.text ?? "?") is declared")
                    XCTAssertEqual(document.checker.errors(param["value"] ?? .null, schema), [], "\(name): example param \(param["name"]?.text ?? "?")")
                }
            }
        }
        let codes = Set(document.errorCodes.keys)
        XCTAssertEqual(codes, [-32700, -32600, -32601, -32602, -32603, -32800, -32001, -32002, -32010, -32011, -32020, -32030])
    }

    // MARK: - The store

    func testDataSurvivesARestartAndTheFileIsPrivate() throws {
        let first = try connect(db: databasePath)
        let created = try first.result("athlete.create", ada)
        try first.finish()
        for suffix in ["", "-wal", "-shm"] {
            let path = databasePath + suffix
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
                XCTAssertNotEqual(suffix, "", "the database file exists")
                continue
            }
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
            XCTAssertEqual(mode & 0o777, 0o600, "\(path) has mode \(String(mode, radix: 8))")
        }
        let second = try connect(db: databasePath)
        XCTAssertEqual(try second.result("athlete.get", ["id": "ath_ada"]), created)
        try second.finish()
    }

    func testTheDatabaseDirectoryIsCreated() throws {
        let path = temporaryDirectory.appendingPathComponent("nested/deeper/x.sqlite").path
        let client = try connect(db: path)
        _ = try client.result("athlete.list")
        try client.finish()
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
    }

    func testTwoServersOnOneFileWhileBothWrite() throws {
        let first = try connect(db: databasePath)
        _ = try first.result("athlete.list")  // created and migrated
        var firstIDs: [JSONValue] = []
        for index in 0..<300 {
            firstIDs.append(first.request("athlete.create", ["id": .string("ath_first_\(index)"), "name": "First", "timeZone": "UTC"]))
        }
        // A second server on the same file while the first is busy writing.
        let second = try connect(db: databasePath)
        var secondIDs: [JSONValue] = []
        for index in 0..<100 {
            secondIDs.append(second.request("athlete.create", ["id": .string("ath_second_\(index)"), "name": "Second", "timeZone": "UTC"]))
        }
        let firstReplies = try first.replies(to: firstIDs, timeout: 30)
        let secondReplies = try second.replies(to: secondIDs, timeout: 30)
        XCTAssertEqual(firstReplies.values.filter { $0["result"] == nil }.map(\.text), [], "the first server's writes")
        XCTAssertEqual(secondReplies.values.filter { $0["result"] == nil }.map(\.text), [], "the second server's writes (busy timeout)")
        XCTAssertEqual(try first.result("athlete.list").arrayValue?.count, 400, "the first server sees the second's writes")
        // And a one-shot call while both are open.
        let outcome = try run(["call", "--db", databasePath, "athlete.list"])
        XCTAssertEqual(outcome.code, 0, outcome.stderr)
        XCTAssertEqual(try JSONParser.parse(Array(outcome.stdout.utf8)).arrayValue?.count, 400)
        try first.finish()
        try second.finish()
    }
}
