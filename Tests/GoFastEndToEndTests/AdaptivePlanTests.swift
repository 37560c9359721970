import Foundation
import JSONRPC
import XCTest

/// Adaptive plans through the binary, scenario by scenario. In every one: executed snapshots are byte-identical
/// before and after, past days are unchanged, the race day is unchanged, and the validator holds (an edit it refuses
/// would answer -32011 and write nothing).
final class AdaptivePlanTests: GoFastTestCase {
    /// Today is Wednesday 2027-02-10; the half-marathon plan started Monday 2027-01-04; race Sunday 2027-05-16.
    static let now = "2027-02-10T12:00:00Z"
    static let today = "2027-02-10"

    private func start(fiveK: Int = 1380, currentWeekly: Double? = nil, preferredDays: [JSONValue] = ["tue", "thu", "sat", "sun"]) throws -> TrainingClient {
        let client = try trainingServer(now: Self.now)
        _ = try client.result("athlete.create", ["id": "r", "name": "R", "timeZone": "UTC", "fiveKTimeSeconds": .number(JSONNumber(fiveK)),
                                                 "maxHeartRate": 188, "restingHeartRate": 50])
        var params: [String: JSONValue] = ["athleteId": "r", "id": "p", "startDate": "2027-01-04", "preferredDays": .array(preferredDays),
                                           "race": ["name": "Half", "date": "2027-05-16", "distanceMeters": 21097.5]]
        if let currentWeekly { params["currentWeeklyDistanceMeters"] = .double(currentWeekly) }
        _ = try client.result("plan.generate", .object(params))
        return client
    }

    /// What must never change: the executions (their snapshots), the days before today, and race day.
    private struct Invariants: Equatable {
        var executions: JSONValue
        var pastDays: [JSONValue]
        var raceDay: JSONValue?

        init(_ client: TrainingClient) throws {
            executions = try client.result("execution.list", ["athleteId": "r"])
            let days = try client.days("p")
            pastDays = days.filter { ($0["date"]?.stringValue ?? "") < AdaptivePlanTests.today }
            raceDay = days.first { $0["date"] == "2027-05-16" }
        }
    }

    /// Runs the planned days from `from` to `to` (before today) as planned, so there is history and executed snapshots.
    private func runAsPlanned(_ client: TrainingClient, from: String, to: String, scale: Double = 1) throws {
        let days = try client.days("p", from: from, to: to).filter { ($0["plannedData"]?["distanceMeters"]?.doubleValue ?? 0) > 0 }
        let runs = days.map { day -> JSONValue in
            let meters = (day["plannedData"]?["distanceMeters"]?.doubleValue ?? 0) * scale
            let seconds = (day["plannedData"]?["durationSeconds"]?.doubleValue ?? 0) * scale
            return nativeRun("run-\(day["date"]?.stringValue ?? "")", start: "\(day["date"]?.stringValue ?? "")T07:00:00Z", meters: meters.rounded(), seconds: seconds.rounded())
        }
        if !runs.isEmpty { _ = try client.ingest("r", runs) }
    }

    private func assertInvariants(_ before: Invariants, _ client: TrainingClient, file: StaticString = #filePath, line: UInt = #line) throws {
        let after = try Invariants(client)
        XCTAssertEqual(after.executions, before.executions, "executed snapshots are byte-identical", file: file, line: line)
        XCTAssertEqual(after.pastDays, before.pastDays, "past days are unchanged", file: file, line: line)
        XCTAssertEqual(after.raceDay?["plannedData"], before.raceDay?["plannedData"], "race day is unchanged", file: file, line: line)
        XCTAssertEqual(after.raceDay?["date"], "2027-05-16", file: file, line: line)
    }

    private func weekDistance(_ days: [JSONValue], from: String, count: Int = 7) -> Double {
        days.filter { let date = $0["date"]?.stringValue ?? ""; return date >= from && date < Dates.add(from, count) }
            .map { $0["plannedData"]?["distanceMeters"]?.doubleValue ?? 0 }.reduce(0, +)
    }

    func testAMissedWeekGradesTheReturn() throws {
        let client = try start()
        try runAsPlanned(client, from: "2027-01-04", to: "2027-02-02")
        let before = try Invariants(client)
        let planned = try client.days("p")
        let proposal = try client.result("plan.adapt", ["planId": "p"])
        XCTAssertEqual(proposal["reasons"]?[0]?["code"], "missedWeek", proposal.text)
        XCTAssertEqual(proposal["applied"], false)
        XCTAssertEqual(proposal["revision"], .null)
        XCTAssertEqual(try client.days("p"), planned, "a proposal writes nothing")
        let applied = try client.result("plan.adapt", ["planId": "p", "apply": true])
        XCTAssertEqual(applied["revision"], 2)
        XCTAssertEqual(applied["changes"], proposal["changes"], "deterministic: the same history gives the same proposal")
        let after = try client.days("p")
        XCTAssertLessThan(weekDistance(after, from: Self.today), 0.8 * weekDistance(planned, from: Self.today), "the week back is cut")
        let firstDays = after.filter { ($0["date"]?.stringValue ?? "") >= Self.today && ($0["date"]?.stringValue ?? "") < "2027-02-13" }
        XCTAssertFalse(firstDays.contains { ["intervals", "threshold", "hills", "marathonPace"].contains($0["plannedData"]?["type"]?.stringValue ?? "") },
                       "no quality in the first days back")
        try assertInvariants(before, client)
        let revisions = try client.result("plan.revisions", ["planId": "p"]).arrayValue ?? []
        XCTAssertEqual(revisions.compactMap { $0["kind"]?.stringValue }, ["generate", "adapt"])
        try client.finish()
    }

    func testThreeDaysOfIllnessAndTenDaysOfInjury() throws {
        let client = try start()
        try runAsPlanned(client, from: "2027-01-04", to: "2027-02-09")
        let before = try Invariants(client)
        let planned = try client.days("p")
        let ill = try client.result("plan.unavailable", ["planId": "p", "from": "2027-02-10", "to": "2027-02-12", "reason": "illness"])
        XCTAssertEqual(ill["revision"], 2)
        var days = try client.days("p")
        for date in ["2027-02-10", "2027-02-11", "2027-02-12"] {
            XCTAssertEqual(days.first { $0["date"]?.stringValue == date }?["plannedData"]?["type"], "rest", date)
        }
        let firstRunBack = days.first { ($0["date"]?.stringValue ?? "") > "2027-02-12" && $0["plannedData"]?["type"] != "rest" }
        XCTAssertEqual(firstRunBack?["plannedData"]?["type"]?.stringValue.map { ["easy", "recovery", "long"].contains($0) }, true, "resume easy")
        let firstQualityBefore = planned.first { ($0["date"]?.stringValue ?? "") > "2027-02-12" && ["intervals", "threshold", "hills"].contains($0["plannedData"]?["type"]?.stringValue ?? "") }
        XCTAssertEqual(days.first { $0["id"] == firstQualityBefore?["id"] }?["plannedData"]?["type"], "easy", "the first quality session after the break becomes easy")
        XCTAssertTrue(days.allSatisfy { day in planned.contains { $0["id"] == day["id"] } }, "planned days keep their ids")
        XCTAssertEqual(days.first { $0["date"] == "2027-02-10" }?["revision"], 2, "plan.days shows each day's revision")
        try assertInvariants(before, client)

        let injury = try client.result("plan.unavailable", ["planId": "p", "from": "2027-02-15", "to": "2027-02-24", "reason": "injury"])
        XCTAssertEqual(injury["revision"], 3)
        days = try client.days("p")
        XCTAssertEqual(days.filter { let d = $0["date"]?.stringValue ?? ""; return d >= "2027-02-15" && d <= "2027-02-24" }.allSatisfy { $0["plannedData"]?["type"] == "rest" }, true)
        let beforeBreak = weekDistance(planned, from: "2027-02-08")
        let rebuild1 = weekDistance(days, from: "2027-02-25"), rebuild2 = weekDistance(days, from: "2027-03-04")
        XCTAssertLessThanOrEqual(rebuild1, 0.5 * beforeBreak + 3100, "first rebuild week about 50 % or less (injury is more cautious)")
        XCTAssertLessThanOrEqual(rebuild2, 0.75 * beforeBreak + 3100, "second rebuild week about 75 % or less")
        XCTAssertLessThan(rebuild1, rebuild2)
        XCTAssertFalse(days.filter { let d = $0["date"]?.stringValue ?? ""; return d >= "2027-02-25" && d < "2027-03-04" }
            .contains { ["intervals", "threshold", "hills", "marathonPace"].contains($0["plannedData"]?["type"]?.stringValue ?? "") }, "no quality in the first rebuild week")
        try assertInvariants(before, client)
        try client.finish()
    }

    func testAMovedLongRunAndASkippedIntervalDay() throws {
        let client = try start()
        try runAsPlanned(client, from: "2027-01-04", to: "2027-02-09")
        let before = try Invariants(client)
        // The week of 2027-02-15: move Sunday's long run to Saturday.
        let week = try client.days("p", from: "2027-02-15", to: "2027-02-21")
        let long = try XCTUnwrap(week.first { $0["plannedData"]?["type"] == "long" })
        let saturday = "2027-02-20"
        let moved = try client.result("plan.moveDay", ["planId": "p", "date": long["date"]!, "toDate": .string(saturday)])
        let after = try client.days("p", from: "2027-02-15", to: "2027-02-21")
        XCTAssertEqual(after.first { $0["date"]?.stringValue == saturday }?["plannedData"], long["plannedData"])
        XCTAssertGreaterThanOrEqual(moved["changes"]?.arrayValue?.count ?? 0, 2)
        let friday = after.first { $0["date"] == "2027-02-19" }?["plannedData"]?["type"]?.stringValue ?? ""
        XCTAssertFalse(["intervals", "threshold", "hills", "marathonPace"].contains(friday) && (moved["warnings"]?.arrayValue ?? []).isEmpty,
                       "no quality the day before the long run, or a warning says the rule bends")
        _ = try client.error("plan.moveDay", ["planId": "p", "date": "2027-02-20", "toDate": "2027-02-23"], code: -32602)

        // Skip the next interval (or other quality) day: it moves where it fits, or is dropped with a note.
        let later = try client.days("p", from: "2027-02-22", to: "2027-02-28")
        let quality = try XCTUnwrap(later.first { ["intervals", "threshold", "hills"].contains($0["plannedData"]?["type"]?.stringValue ?? "") })
        let skipped = try client.result("plan.skipDay", ["planId": "p", "date": quality["date"]!, "reason": "work trip"])
        let afterSkip = try client.days("p", from: "2027-02-22", to: "2027-02-28")
        XCTAssertEqual(afterSkip.first { $0["date"] == quality["date"] }?["plannedData"]?["type"], "rest")
        let placed = afterSkip.contains { $0["plannedData"] == quality["plannedData"] }
        let warnings = skipped["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        XCTAssertTrue(placed || warnings.contains { $0.contains("dropped") }, "moved where it fits, else dropped with a note: \(warnings)")
        try assertInvariants(before, client)
        try client.finish()
    }

    func testARunnerMuchFasterThanThePlanAssumedGetsFasterPaces() throws {
        let client = try start(fiveK: 1500)
        try runAsPlanned(client, from: "2027-01-04", to: "2027-02-06")
        // A 10K race-effort run at 40:00 (VDOT ~52) with 93 % of max HR, against a plan built for a 25:00 5K (VDOT ~38).
        var race = nativeRun("tt", start: "2027-02-07T09:00:00Z", meters: 10_000, seconds: 2400)
        if case .object(var fields) = race { fields["averageHeartRate"] = 175; race = .object(fields) }
        _ = try client.ingest("r", [race])
        let before = try Invariants(client)
        let easyBefore = try XCTUnwrap(client.days("p", from: Self.today).first { $0["plannedData"]?["type"] == "easy" })
        let adapted = try client.result("plan.adapt", ["planId": "p", "apply": true])
        XCTAssertTrue(adapted["reasons"]?.arrayValue?.contains { $0["code"] == "fitnessUp" } == true, adapted["reasons"]?.text ?? "")
        let easyAfter = try XCTUnwrap(client.days("p").first { $0["id"] == easyBefore["id"] })
        XCTAssertLessThan(easyAfter["plannedData"]?["targetPace"]?["minSecondsPerKm"]?.doubleValue ?? 999,
                          (easyBefore["plannedData"]?["targetPace"]?["minSecondsPerKm"]?.doubleValue ?? 0) - 20, "easy pace is faster by tens of seconds")
        try assertInvariants(before, client)
        try client.finish()
    }

    func testALoadSpikeIsSmoothed() throws {
        // Four weeks of 20 km, then a plan that asks for 60 km a week.
        let client = try trainingServer(now: Self.now)
        _ = try client.result("athlete.create", ["id": "r", "name": "R", "timeZone": "UTC", "fiveKTimeSeconds": 1380, "maxHeartRate": 188])
        var runs: [JSONValue] = []
        for day in stride(from: 1, through: 35, by: 2) {
            runs.append(nativeRun("h\(day)", start: "\(Dates.add(Self.today, -day))T07:00:00Z", meters: 6000, seconds: 2100))
        }
        _ = try client.ingest("r", runs)
        _ = try client.result("plan.generate", ["athleteId": "r", "id": "p", "startDate": "2027-02-08", "currentWeeklyDistanceMeters": 60000,
                                                "preferredDays": ["mon", "tue", "wed", "thu", "sat", "sun"],
                                                "race": ["name": "Half", "date": "2027-05-16", "distanceMeters": 21097.5]])
        let before = try Invariants(client)
        let window: JSONValue = ["athleteId": "r", "from": .string(Self.today), "to": .string(Dates.add(Self.today, 13))]
        func peak() throws -> Double { try client.result("athlete.fitness", window)["days"]?.arrayValue?.compactMap { $0["acwr"]?.doubleValue }.max() ?? 99 }
        let unadapted = try peak()
        XCTAssertGreaterThan(unadapted, 1.3, "the plan as generated spikes")
        let proposal = try client.result("plan.adapt", ["planId": "p"])
        let codes = proposal["reasons"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
        XCTAssertTrue(codes.contains("loadSpike"), "\(codes)")
        let applied = try client.result("plan.adapt", ["planId": "p", "apply": true])
        XCTAssertEqual(applied["applied"], true)
        let adapted = try peak()
        XCTAssertLessThanOrEqual(adapted, 1.3, "the spike is smoothed: projected ACWR \(adapted), was \(unadapted)")
        try assertInvariants(before, client)
        try client.finish()
    }

    func testARevertRestoresTheFutureAndIsARevisionItself() throws {
        let client = try start()
        try runAsPlanned(client, from: "2027-01-04", to: "2027-02-09")
        let before = try Invariants(client)
        let generated = try client.days("p")
        _ = try client.result("plan.unavailable", ["planId": "p", "from": "2027-02-15", "to": "2027-02-24", "reason": "illness"])
        _ = try client.result("plan.skipDay", ["planId": "p", "date": "2027-03-09"])
        XCTAssertNotEqual(try client.days("p"), generated)
        let reverted = try client.result("plan.revert", ["planId": "p", "revision": 1])
        XCTAssertEqual(reverted["revision"], 4)
        XCTAssertEqual(try client.days("p").map { $0["plannedData"] }, generated.map { $0["plannedData"] }, "every workout as generated")
        let noop = try client.result("plan.revert", ["planId": "p", "revision": 4])
        XCTAssertEqual(noop["revision"], 4, "a revert to the current revision changes nothing")
        XCTAssertEqual(noop["changes"]?.arrayValue?.count, 0)
        _ = try client.result("plan.revert", ["planId": "p", "revision": 2])
        XCTAssertEqual(try client.days("p", from: "2027-02-15", to: "2027-02-24").allSatisfy { $0["plannedData"]?["type"] == "rest" }, true, "revision 2's break is back")
        XCTAssertEqual(try client.error("plan.revert", ["planId": "p", "revision": 42], code: -32001)["data"]?["entity"], "revision")
        try assertInvariants(before, client)
        try client.finish()
    }

    func testBadInputWritesNothing() throws {
        let client = try start()
        let days = try client.days("p")
        XCTAssertEqual(try client.error("plan.skipDay", ["planId": "p", "date": "2027-02-01"], code: -32602)["data"]?["field"], "date", "in the past")
        XCTAssertEqual(try client.error("plan.skipDay", ["planId": "p", "date": "2027-05-16"], code: -32602)["data"]?["field"], "date", "race day")
        XCTAssertEqual(try client.error("plan.skipDay", ["planId": "p", "date": "2028-01-01"], code: -32602)["data"]?["field"], "date", "outside the plan")
        XCTAssertEqual(try client.error("plan.moveDay", ["planId": "p", "date": "2027-02-16", "toDate": "2027-02-23"], code: -32602)["data"]?["field"], "toDate", "outside the week")
        XCTAssertEqual(try client.error("plan.unavailable", ["planId": "p", "from": "2027-02-16", "to": "2027-02-14", "reason": "illness"], code: -32602)["data"]?["field"], "to")
        XCTAssertEqual(try client.error("plan.unavailable", ["planId": "p", "from": "2027-02-16", "to": "2027-02-17", "reason": "hangover"], code: -32602)["data"]?["field"], "reason")
        _ = try client.error("plan.adapt", ["planId": "ghost"], code: -32001)
        XCTAssertEqual(try client.days("p"), days, "nothing written")
        XCTAssertEqual(try client.result("plan.revisions", ["planId": "p"]).arrayValue?.count, 1)
        try client.finish()
    }
}

/// `plan.regenerate` is a revision too, and its "too few weeks" fallback ramps from the runner's current volume.
final class RegenerationRevisionTests: GoFastTestCase {
    func testTheFallbackNeverJumpsFromWhereTheRunnerIs() throws {
        let client = try trainingServer(now: "2027-04-20T12:00:00Z")
        try client.athlete("r")
        _ = try client.result("plan.generate", ["athleteId": "r", "id": "p", "startDate": "2027-01-04", "currentWeeklyDistanceMeters": 40000,
                                                "race": ["name": "Half", "date": "2027-05-16", "distanceMeters": 21097.5]])
        let regenerated = try client.result("plan.regenerate", ["planId": "p", "fromDate": "2027-04-20", "currentWeeklyDistanceMeters": 15000])
        XCTAssertTrue(regenerated["warnings"]?.arrayValue?.contains { $0.stringValue?.hasPrefix("Only") == true } == true)
        let week = try client.days("p", from: "2027-04-20", to: "2027-04-25").map { $0["plannedData"]?["distanceMeters"]?.doubleValue ?? 0 }.reduce(0, +)
        XCTAssertLessThanOrEqual(week, 15000 * 1.2, "no jump over the current 15 km (was planned for 40)")
        let revisions = try client.result("plan.revisions", ["planId": "p"]).arrayValue?.compactMap { $0["kind"]?.stringValue }
        XCTAssertEqual(revisions, ["generate", "regenerate"])
        XCTAssertEqual(try client.days("p", from: "2027-04-20", to: "2027-04-20").first?["revision"], 2)
        try client.finish()
    }
}
