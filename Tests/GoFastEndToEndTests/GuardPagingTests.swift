import Foundation
import JSONRPC
import XCTest

/// Issue 13: `athlete.list`, `plan.list`, `race.list` and `execution.list` answer pages (`limit`, default and maximum
/// 1000; `after`, the last id seen) in a stable order, still as arrays.
final class GuardPagingTests: GoFastTestCase {
    /// Every page of `method` with `limit`, following `after` until a short page; the ids in order.
    private func walkPages(_ client: TrainingClient, _ method: String, _ params: [String: JSONValue] = [:], limit: Int,
                           file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        var ids: [String] = []
        var after: String?
        for _ in 0..<100 {
            var pageParams = params
            pageParams["limit"] = .number(JSONNumber(limit))
            if let after { pageParams["after"] = .string(after) }
            let page = try XCTUnwrap(client.result(method, .object(pageParams), file: file, line: line).arrayValue, file: file, line: line)
            XCTAssertLessThanOrEqual(page.count, limit, "\(method) page larger than limit", file: file, line: line)
            ids += page.compactMap { $0["id"]?.stringValue }
            guard page.count == limit, let last = ids.last else { return ids }
            after = last
        }
        XCTFail("\(method) never ended", file: file, line: line)
        return ids
    }

    func testAthletesPageByNameThenId() throws {
        let client = try trainingServer()
        // Names repeat so the id breaks ties; creation order differs from the expected order.
        let athletes = [("a5", "Bea"), ("a2", "Ada"), ("a9", "Ada"), ("a1", "Cy"), ("a3", "Bea"), ("a7", "Ada"), ("a4", "Dee")]
        for (id, name) in athletes {
            _ = try client.result("athlete.create", ["id": .string(id), "name": .string(name), "timeZone": "UTC"])
        }
        let expected = athletes.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
        XCTAssertEqual(expected, ["a2", "a7", "a9", "a3", "a5", "a1", "a4"])
        XCTAssertEqual(try client.result("athlete.list").arrayValue?.compactMap { $0["id"]?.stringValue }, expected, "no params: the whole list, as before")
        for limit in [1, 2, 3, 7, 8] {
            XCTAssertEqual(try walkPages(client, "athlete.list", limit: limit), expected, "limit \(limit)")
        }
        // A record added between pages lands in its place without repeating or skipping the others.
        let first = try walkPages(client, "athlete.list", limit: 100)
        XCTAssertEqual(first, expected)
        let page1 = try XCTUnwrap(client.result("athlete.list", ["limit": 3]).arrayValue).compactMap { $0["id"]?.stringValue }
        _ = try client.result("athlete.create", ["id": "a0", "name": "Aaron", "timeZone": "UTC"])  // sorts before page 1's end
        _ = try client.result("athlete.create", ["id": "a8", "name": "Cy", "timeZone": "UTC"])     // sorts after a1
        let rest = try XCTUnwrap(client.result("athlete.list", ["after": .string(page1.last ?? ""), "limit": 100]).arrayValue).compactMap { $0["id"]?.stringValue }
        XCTAssertEqual(page1 + rest, ["a2", "a7", "a9", "a3", "a5", "a1", "a8", "a4"])
        try client.finish()
    }

    func testLimitAndAfterAreChecked() throws {
        let client = try trainingServer()
        try client.athlete("a1")
        for bad: JSONValue in [0, -1, 1001, 1_000_000] {
            let error = try client.error("athlete.list", ["limit": bad], code: -32602)
            XCTAssertEqual(error["data"]?["field"], "limit", bad.text)
        }
        for method in ["race.list"] {
            XCTAssertEqual(try client.error(method, ["limit": 0], code: -32602)["data"]?["field"], "limit")
        }
        XCTAssertEqual(try client.error("execution.list", ["athleteId": "a1", "limit": 1001], code: -32602)["data"]?["field"], "limit")
        XCTAssertEqual(try client.error("plan.list", ["athleteId": "a1", "limit": 1001], code: -32602)["data"]?["field"], "limit")
        XCTAssertEqual(try client.error("athlete.list", ["limit": "10"], code: -32602)["data"]?["field"], "limit")
        // An `after` that names nothing in the list is a bad param, not an empty page.
        let unknown = try client.error("athlete.list", ["after": "nobody"], code: -32602)
        XCTAssertEqual(unknown["data"]?["field"], "after")
        XCTAssertEqual(try client.error("race.list", ["after": "a1"], code: -32602)["data"]?["field"], "after")
        XCTAssertEqual(try client.error("athlete.list", ["after": "bad id with spaces"], code: -32602)["data"]?["field"], "after")
        XCTAssertEqual(try client.result("athlete.list", ["limit": 1000]).arrayValue?.count, 1)
        XCTAssertEqual(try client.result("athlete.list", ["after": "a1"]), .array([]), "after the last one: an empty page")
        try client.finish()
    }

    func testDefaultAndMaximumPageIsAThousand() throws {
        let client = try trainingServer()
        // 1001 athletes, pipelined: ids zero-padded so name order is id order.
        let ids = (0...1000).map { String(format: "ath_%04d", $0) }
        for id in ids {
            client.request("athlete.create", ["id": .string(id), "name": .string("Runner \(id)"), "timeZone": "UTC"])
        }
        for _ in ids {
            let reply = try client.next()
            XCTAssertNotNil(reply["result"], reply.text)
        }
        let first = try XCTUnwrap(client.result("athlete.list").arrayValue)
        XCTAssertEqual(first.count, 1000, "no limit: a page of 1000")
        XCTAssertEqual(first.first?["id"]?.stringValue, ids.first)
        XCTAssertEqual(first.last?["id"]?.stringValue, ids[999])
        let second = try XCTUnwrap(client.result("athlete.list", ["after": .string(ids[999])]).arrayValue)
        XCTAssertEqual(second.compactMap { $0["id"]?.stringValue }, [ids[1000]])
        XCTAssertEqual(try walkPages(client, "athlete.list", limit: 1000), ids)
        try client.finish()
    }

    func testRacesPageByDateThenNameThenId() throws {
        let client = try trainingServer()
        let races = [("r1", "2027-05-01", "Spring 10K"), ("r2", "2027-03-01", "Half"), ("r3", "2027-05-01", "Marathon"),
                     ("r4", "2027-05-01", "Marathon"), ("r5", "2026-12-31", "NYE 5K")]
        for (id, date, name) in races {
            _ = try client.result("race.create", ["id": .string(id), "name": .string(name), "date": .string(date), "distanceMeters": 10000])
        }
        let expected = ["r5", "r2", "r3", "r4", "r1"]
        XCTAssertEqual(try client.result("race.list").arrayValue?.compactMap { $0["id"]?.stringValue }, expected)
        for limit in [1, 2, 4, 5] {
            XCTAssertEqual(try walkPages(client, "race.list", limit: limit), expected, "limit \(limit)")
        }
        try client.finish()
    }

    func testPlansPageNewestFirstAndOnlyTheAthletesOwn() throws {
        // The pinned clock gives every plan the same createdAt: the order they were stored breaks the tie.
        let client = try trainingServer()
        try client.athlete("a1")
        try client.athlete("a2")
        for index in 1...5 {
            _ = try client.result("plan.create", ["athleteId": "a1", "id": .string("p\(index)"), "name": .string("Plan \(index)")])
        }
        _ = try client.result("plan.create", ["athleteId": "a2", "id": "theirs", "name": "Theirs"])
        let expected = ["p5", "p4", "p3", "p2", "p1"]
        XCTAssertEqual(try client.result("plan.list", ["athleteId": "a1"]).arrayValue?.compactMap { $0["id"]?.stringValue }, expected)
        for limit in [1, 2, 3, 5] {
            XCTAssertEqual(try walkPages(client, "plan.list", ["athleteId": "a1"], limit: limit), expected, "limit \(limit)")
        }
        XCTAssertEqual(try client.error("plan.list", ["athleteId": "a1", "after": "theirs"], code: -32602)["data"]?["field"], "after",
                       "another athlete's plan is no place in this list")
        try client.finish()
    }

    func testPlansCreatedLaterComeFirst() throws {
        let database = databasePath
        var client = try trainingServer(db: database, now: "2027-01-20T12:00:00Z")
        try client.athlete("a1")
        _ = try client.result("plan.create", ["athleteId": "a1", "id": "old", "name": "Old"])
        try client.finish()
        client = try trainingServer(db: database, now: "2027-01-21T12:00:00Z")
        _ = try client.result("plan.create", ["athleteId": "a1", "id": "new", "name": "New"])
        XCTAssertEqual(try walkPages(client, "plan.list", ["athleteId": "a1"], limit: 1), ["new", "old"])
        try client.finish()
    }

    func testExecutionsPageByDateThenCreationThenId() throws {
        let client = try trainingServer()
        try client.athlete("a1")
        try client.athlete("a2")
        var created: [(id: String, date: String)] = []
        for date in ["2027-01-10", "2027-01-05", "2027-01-10", "2027-01-07", "2027-01-05", "2027-01-12"] {
            let execution = try client.result("execution.create", ["athleteId": "a1", "date": .string(date), "distanceMeters": 5000, "durationSeconds": 1500])
            created.append((try XCTUnwrap(execution["id"]?.stringValue), date))
        }
        let theirs = try XCTUnwrap(client.result("execution.create", ["athleteId": "a2", "date": "2027-01-06", "distanceMeters": 5000])["id"]?.stringValue)
        // Same clock, same createdAt: the id breaks ties between executions of one date.
        let expected = created.sorted { ($0.date, $0.id) < ($1.date, $1.id) }.map(\.id)
        XCTAssertEqual(try client.result("execution.list", ["athleteId": "a1"]).arrayValue?.compactMap { $0["id"]?.stringValue }, expected)
        for limit in [1, 2, 4, 6] {
            XCTAssertEqual(try walkPages(client, "execution.list", ["athleteId": "a1"], limit: limit), expected, "limit \(limit)")
        }
        let window = created.filter { ("2027-01-06"..."2027-01-11").contains($0.date) }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }.map(\.id)
        XCTAssertEqual(try walkPages(client, "execution.list", ["athleteId": "a1", "from": "2027-01-06", "to": "2027-01-11"], limit: 1), window)
        XCTAssertEqual(try client.error("execution.list", ["athleteId": "a1", "after": .string(theirs)], code: -32602)["data"]?["field"], "after")
        try client.finish()
    }
}
