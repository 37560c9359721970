import Foundation
import JSONRPC
import XCTest

/// `plan.generate`, `plan.days`, `plan.active`, `plan.assign`, `plan.create`, `plan.archive` through the binary,
/// and the atomicity of failed generations. "Today" is pinned with `GOFAST_NOW` (Wednesday 2027-01-20 by default).
final class PlanGenerationTests: GoFastTestCase {
    private static let phaseRank = ["base": 0, "build": 1, "peak": 2, "taper": 3]
    private static let weekdayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// An inline race.
    private func race(_ name: String, _ date: String, _ meters: Double) -> JSONValue {
        ["name": .string(name), "date": .string(date), "distanceMeters": .double(meters)]
    }

    /// Checks a `plan.generate` result and the stored days against every rule of a generated plan; returns the days.
    @discardableResult
    private func checkGenerated(_ generated: JSONValue, client: TrainingClient, raceDate: String, meters: Double,
                                file: StaticString = #filePath, line: UInt = #line) throws -> [JSONValue] {
        let plan = try XCTUnwrap(generated["plan"], "plan in \(generated.text.prefix(300))", file: file, line: line)
        let planId = try XCTUnwrap(plan["id"]?.stringValue, file: file, line: line)
        XCTAssertEqual(plan["status"], "active", file: file, line: line)
        XCTAssertNotNil(plan["name"]?.stringValue, file: file, line: line)
        XCTAssertNotNil(plan["goalTimeSeconds"]?.doubleValue, "a goal time (asked or predicted)", file: file, line: line)
        let startDate = try XCTUnwrap(plan["startDate"]?.stringValue, file: file, line: line)
        let weekCount = try XCTUnwrap(plan["weekCount"]?.intValue, file: file, line: line)
        XCTAssertEqual(weekCount, Dates.days(startDate, raceDate) / 7 + 1, "weeks from \(startDate) through the race week of \(raceDate)", file: file, line: line)
        XCTAssertEqual(generated["race"]?["date"]?.stringValue, raceDate, file: file, line: line)
        XCTAssertEqual(generated["race"]?["distanceMeters"]?.doubleValue, meters, file: file, line: line)
        for zone in ["easy", "marathon", "threshold", "interval", "repetition"] {
            let low = generated["paces"]?[zone]?["minSecondsPerKm"]?.doubleValue ?? .nan
            let high = generated["paces"]?[zone]?["maxSecondsPerKm"]?.doubleValue ?? .nan
            XCTAssertTrue(low <= high && low >= 150 && high <= 900, "\(zone) pace \(low)…\(high)", file: file, line: line)
        }
        let easy = generated["paces"]?["easy"]?["minSecondsPerKm"]?.doubleValue ?? 0
        let repetition = generated["paces"]?["repetition"]?["maxSecondsPerKm"]?.doubleValue ?? .infinity
        XCTAssertLessThan(repetition, easy, "repetition pace is faster than easy pace", file: file, line: line)
        XCTAssertNotNil(generated["warnings"]?.arrayValue, file: file, line: line)
        let weeks = try XCTUnwrap(generated["weeks"]?.arrayValue, file: file, line: line)
        XCTAssertEqual(weeks.count, weekCount, file: file, line: line)
        for (index, week) in weeks.enumerated() {
            XCTAssertEqual(week["weekIndex"]?.intValue, index, file: file, line: line)
            XCTAssertNotNil(Self.phaseRank[week["phase"]?.stringValue ?? ""], "phase of week \(index)", file: file, line: line)
            XCTAssertEqual(week["startDate"]?.stringValue, Dates.add(startDate, 7 * index), "week \(index) starts 7 days after the last", file: file, line: line)
        }

        let days = try client.days(planId, file: file, line: line)
        XCTAssertEqual(days.count, weekCount * 7, "every day of every week is stored", file: file, line: line)
        var lastRank = -1
        var previousDate = ""
        var races = 0
        var weekDistance = [Double](repeating: 0, count: weekCount)
        let preferred = plan["preferredDays"]?.arrayValue?.compactMap(\.stringValue) ?? []
        for day in days {
            let week = day["weekIndex"]?.intValue ?? -1, dayIndex = day["dayIndex"]?.intValue ?? -1
            let date = day["date"]?.stringValue ?? ""
            XCTAssertEqual(day["trainingPlanId"]?.stringValue, planId, file: file, line: line)
            XCTAssertEqual(date, Dates.add(startDate, 7 * week + dayIndex), "date of week \(week) day \(dayIndex)", file: file, line: line)
            XCTAssertGreaterThan(date, previousDate, "plan.days is in date order without duplicates", file: file, line: line)
            previousDate = date
            let rank = Self.phaseRank[day["phase"]?.stringValue ?? ""] ?? -1
            XCTAssertGreaterThanOrEqual(rank, lastRank, "phases run base → build → peak → taper (\(date))", file: file, line: line)
            lastRank = rank
            if (0..<weekCount).contains(week) {
                XCTAssertEqual(day["phase"], weeks[week]["phase"], "the day's phase is its week's", file: file, line: line)
            }
            let workout = try XCTUnwrap(day["plannedData"], file: file, line: line)
            let type = workout["type"]?.stringValue ?? ""
            let distance = workout["distanceMeters"]?.doubleValue ?? .nan
            if (0..<weekCount).contains(week) { weekDistance[week] += distance }
            if type == "rest" {
                XCTAssertEqual(distance, 0, "a rest day has no distance (\(date))", file: file, line: line)
                XCTAssertEqual(workout["targetPace"] ?? .null, .null, "a rest day has no target pace (\(date))", file: file, line: line)
            } else if type != "crossTraining" {
                XCTAssertTrue((workout["targetPace"] ?? .null) != .null || workout["targetEffort"]?.stringValue != nil,
                              "a run has a target pace, or an effort for hills and strides (\(date))", file: file, line: line)
                if date != raceDate {
                    XCTAssertTrue(preferred.contains(Self.weekdayNames[Dates.weekday(date)]),
                                  "\(type) on \(date) (\(Self.weekdayNames[Dates.weekday(date)])) is a training day of \(preferred)", file: file, line: line)
                }
            }
            if type == "race" {
                races += 1
                XCTAssertEqual(date, raceDate, "the race is on the race date", file: file, line: line)
                XCTAssertEqual(distance, meters, accuracy: meters * 0.01, file: file, line: line)
            }
            if date == raceDate { XCTAssertEqual(type, "race", "the race date holds the race", file: file, line: line) }
        }
        XCTAssertEqual(races, 1, "exactly one race day", file: file, line: line)
        for (index, week) in weeks.enumerated() {
            XCTAssertEqual(week["distanceMeters"]?.doubleValue ?? .nan, weekDistance[index], accuracy: 1,
                           "week \(index)'s summary distance is the sum of its days", file: file, line: line)
        }
        return days
    }

    // MARK: - plan.generate

    func testEveryRaceDistanceGivesACompleteDatedPlan() throws {
        let client = try trainingServer()
        try client.athlete("ath_lee")
        let races: [(String, String, Double)] = [
            ("Spring 5K", "2027-03-14", 5000), ("City 10K", "2027-04-18", 10000),
            ("Half", "2027-05-02", 21097.5), ("Marathon", "2027-06-06", 42195),
        ]
        for (name, date, meters) in races {
            let generated = try client.result("plan.generate", ["athleteId": "ath_lee", "race": race(name, date, meters)])
            XCTAssertEqual(generated["plan"]?["startDate"], "2027-01-25", "\(name): the Monday on or after today (Wed 2027-01-20)")
            XCTAssertEqual(generated["warnings"], .array([]), "\(name): a realistic request has no warnings")
            XCTAssertEqual(generated["plan"]?["athleteId"], "ath_lee")
            try checkGenerated(generated, client: client, raceDate: date, meters: meters)
        }
        XCTAssertEqual(try client.planCount("ath_lee"), 4)
        try client.finish()
    }

    func testDefaultStartIsTheMondayOnOrAfterTodayInTheAthletesTimeZone() throws {
        // Tuesday 05:00 UTC is still Monday evening in Los Angeles and already Tuesday evening in Auckland.
        let cases: [(now: String, zone: String, start: String)] = [
            ("2027-01-26T05:00:00Z", "America/Los_Angeles", "2027-01-25"),
            ("2027-01-26T05:00:00Z", "UTC", "2027-02-01"),
            ("2027-01-26T05:00:00Z", "Pacific/Auckland", "2027-02-01"),
            // Sunday 12:00 UTC is Monday 02:00 on Kiritimati (+14) and Sunday 02:00 in Honolulu (−10).
            ("2027-01-24T12:00:00Z", "Pacific/Kiritimati", "2027-01-25"),
            ("2027-01-24T12:00:00Z", "Pacific/Honolulu", "2027-01-25"),
            ("2027-01-25T11:00:00Z", "Pacific/Honolulu", "2027-01-25"),
            ("2027-01-25T11:00:00Z", "Pacific/Kiritimati", "2027-02-01"),
        ]
        for (index, testCase) in cases.enumerated() {
            let client = try trainingServer(db: ":memory:", now: testCase.now)
            try client.athlete("ath_\(index)", timeZone: testCase.zone)
            let generated = try client.result("plan.generate", ["athleteId": .string("ath_\(index)"), "race": race("10K", "2027-05-02", 10000)])
            XCTAssertEqual(generated["plan"]?["startDate"]?.stringValue, testCase.start, "now \(testCase.now) in \(testCase.zone)")
            try client.finish()
        }
    }

    func testInlineRaceAndRaceIdGiveTheSamePlan() throws {
        let client = try trainingServer()
        try client.athlete("ath_inline")
        let stored = try client.result("race.create", ["id": "race_berlin", "name": "Berlin 10K", "date": "2027-04-18", "distanceMeters": 10000])
        let byId = try client.result("plan.generate", ["athleteId": "ath_inline", "raceId": "race_berlin"])
        XCTAssertEqual(byId["race"], stored, "the stored race is used as it is")
        XCTAssertEqual(try client.result("race.list").arrayValue?.count, 1, "raceId inserts no race")
        let inline = try client.result("plan.generate", ["athleteId": "ath_inline", "race": race("Berlin 10K", "2027-04-18", 10000)])
        let inlineRaceId = try XCTUnwrap(inline["race"]?["id"]?.stringValue)
        XCTAssertNotEqual(inlineRaceId, "race_berlin")
        XCTAssertEqual(try client.result("race.get", ["id": .string(inlineRaceId)])["date"], "2027-04-18", "the inline race is stored")
        XCTAssertEqual(try client.result("race.list").arrayValue?.count, 2)
        let first = try checkGenerated(byId, client: client, raceDate: "2027-04-18", meters: 10000)
        let second = try checkGenerated(inline, client: client, raceDate: "2027-04-18", meters: 10000)
        XCTAssertEqual(first.map { $0["plannedData"] }, second.map { $0["plannedData"] }, "same race, same plan")
        XCTAssertEqual(try client.error("plan.generate", ["athleteId": "ath_inline", "raceId": "race_berlin", "race": race("X", "2027-04-18", 10000)],
                                        code: -32602)["data"]?["field"], "race")
        try client.finish()
    }

    func testPreferredDaysDaysPerWeekAndLongRunDay() throws {
        let client = try trainingServer()
        try client.athlete("ath_days")
        let chosen = try client.result("plan.generate", [
            "athleteId": "ath_days", "race": race("10K", "2027-04-18", 10000),
            "preferredDays": ["sat", "monday", "wed", "fri"], "longRunDay": "sat",
        ])
        XCTAssertEqual(chosen["plan"]?["preferredDays"], ["mon", "wed", "fri", "sat"], "normalised and in week order")
        let chosenDays = try checkGenerated(chosen, client: client, raceDate: "2027-04-18", meters: 10000)
        let longRunDates = chosenDays.filter { $0["plannedData"]?["type"] == "long" }.compactMap { $0["date"]?.stringValue }
        XCTAssertFalse(longRunDates.isEmpty)
        XCTAssertEqual(Set(longRunDates.map { Self.weekdayNames[Dates.weekday($0)] }), ["sat"], "long runs on the chosen day")

        let three = try client.result("plan.generate", ["athleteId": "ath_days", "race": race("10K", "2027-04-18", 10000), "daysPerWeek": 3])
        XCTAssertEqual(three["plan"]?["preferredDays"]?.arrayValue?.count, 3)
        let threeDays = try checkGenerated(three, client: client, raceDate: "2027-04-18", meters: 10000)
        for week in 0..<(three["plan"]?["weekCount"]?.intValue ?? 0) {
            let runs = threeDays.filter { $0["weekIndex"]?.intValue == week && $0["plannedData"]?["type"] != "rest" }
            XCTAssertLessThanOrEqual(runs.count, 3, "week \(week) has at most 3 run days")
        }
        let longThree = Set(threeDays.filter { $0["plannedData"]?["type"] == "long" }.compactMap { $0["date"]?.stringValue }.map { Self.weekdayNames[Dates.weekday($0)] })
        XCTAssertEqual(longThree, ["sun"], "the default long run is on Sunday")

        let notTraining = try client.error("plan.generate", [
            "athleteId": "ath_days", "race": race("10K", "2027-04-18", 10000), "daysPerWeek": 4, "longRunDay": "mon",
        ], code: -32602)
        XCTAssertEqual(notTraining["data"]?["field"], "longRunDay")
        XCTAssertTrue(notTraining["data"]?["reason"]?.stringValue?.contains("mon") ?? false, notTraining.text)
        let chosenNotTraining = try client.error("plan.generate", [
            "athleteId": "ath_days", "race": race("10K", "2027-04-18", 10000), "preferredDays": ["tue", "thu", "sat"], "longRunDay": "sun",
        ], code: -32602)
        XCTAssertEqual(chosenNotTraining["data"]?["field"], "longRunDay")
        XCTAssertEqual(try client.error("plan.generate", [
            "athleteId": "ath_days", "race": race("10K", "2027-04-18", 10000), "preferredDays": ["tue", "thu", "sat"], "daysPerWeek": 5,
        ], code: -32602)["data"]?["field"], "daysPerWeek")
        XCTAssertEqual(try client.error("plan.generate", [
            "athleteId": "ath_days", "race": race("10K", "2027-04-18", 10000), "daysPerWeek": 2,
        ], code: -32602)["data"]?["field"], "daysPerWeek")
        XCTAssertEqual(try client.planCount("ath_days"), 2, "the refused requests stored nothing")
        try client.finish()
    }

    func testAPlanMayStartOnAnyWeekdayAndTheRaceOnAnyDay() throws {
        let client = try trainingServer()
        try client.athlete("ath_weekday", timeZone: "UTC")
        // Day 0 is a Wednesday; the race is a Sunday.
        let wednesday = try client.result("plan.generate", ["athleteId": "ath_weekday", "startDate": "2027-01-27", "race": race("10K", "2027-04-18", 10000)])
        XCTAssertEqual(wednesday["plan"]?["startDate"], "2027-01-27")
        try checkGenerated(wednesday, client: client, raceDate: "2027-04-18", meters: 10000)
        // Day 0 is a Saturday; the race is on a Monday, which is not a training day.
        let saturday = try client.result("plan.generate", [
            "athleteId": "ath_weekday", "startDate": "2027-01-23", "race": race("Monday 5K", "2027-03-15", 5000), "preferredDays": ["tue", "thu", "sat"],
        ])
        let days = try checkGenerated(saturday, client: client, raceDate: "2027-03-15", meters: 5000)
        XCTAssertEqual(days.first?["date"], "2027-01-23")
        XCTAssertEqual(days.first?["dayIndex"]?.intValue, 0)
        let afterRace = days.filter { ($0["date"]?.stringValue ?? "") > "2027-03-15" }.compactMap { $0["plannedData"]?["type"]?.stringValue }
        XCTAssertTrue(afterRace.allSatisfy { ["rest", "recovery", "easy"].contains($0) }, "only rest or easy running after the race: \(afterRace)")
        try client.finish()
    }

    func testPlanLengthBoundsPerDistanceAreEnforcedAndNamed() throws {
        let client = try trainingServer()
        try client.athlete("ath_bounds")
        // Start Monday 2027-01-25; a race on day 7(w−1)+6 gives exactly w weeks. Any window from race week to 52 weeks
        // is a plan when the runner's volume can build the race's long run; 53 weeks is refused with a start date.
        var accepted = 0
        for (label, meters, weeks) in [("5K", 5000.0, 1), ("5K", 5000, 52), ("10K", 10000, 2), ("half", 21097.5, 16), ("marathon", 42195, 30)] {
            let raceDate = Dates.add("2027-01-25", 7 * (weeks - 1) + 6)
            let generated = try client.result("plan.generate", ["athleteId": "ath_bounds", "startDate": "2027-01-25", "race": race("\(label) race", raceDate, meters)])
            XCTAssertEqual(generated["plan"]?["weekCount"]?.intValue, weeks, "\(label) with \(weeks) weeks")
            accepted += 1
        }
        let far = try client.error("plan.generate", ["athleteId": "ath_bounds", "startDate": "2027-01-25", "race": race("far", Dates.add("2027-01-25", 7 * 52 + 6), 5000)], code: -32602)
        XCTAssertEqual(far["data"]?["field"], "race.date")
        XCTAssertNotNil(far["data"]?["suggestedStartDate"]?.stringValue, "a later start is offered: \(far.text)")
        let soon = try client.error("plan.generate", ["athleteId": "ath_bounds", "startDate": "2027-01-25", "race": race("soon", Dates.add("2027-01-25", 7 * 2 + 6), 42195)], code: -32602)
        XCTAssertEqual(soon["data"]?["field"], "race.date")
        XCTAssertGreaterThan(soon["data"]?["minimumWeeks"]?.intValue ?? 0, 3, "the minimum number of weeks is named: \(soon.text)")
        let risky = try client.result("plan.generate", ["athleteId": "ath_bounds", "startDate": "2027-01-25", "acceptRisk": true, "race": race("soon", Dates.add("2027-01-25", 7 * 2 + 6), 42195)])
        XCTAssertTrue(risky["warnings"]?.arrayValue?.contains { $0.stringValue?.hasPrefix("Risky plan") == true } == true, "acceptRisk gives the best plan with warnings")
        accepted += 1
        XCTAssertEqual(try client.planCount("ath_bounds"), accepted)
        XCTAssertEqual(try client.error("plan.generate", ["athleteId": "ath_bounds", "startDate": "2027-01-25", "race": race("Past", "2027-01-20", 10000)],
                                        code: -32602)["data"]?["field"], "race.date", "a race before the start")
        try client.finish()
    }

    func testAGoalFarBeyondCurrentFitnessGivesAWarningButAPlan() throws {
        let client = try trainingServer()
        try client.athlete("ath_goal", fiveK: 1500)  // 25:00 5K predicts about 52 min for 10K
        let realistic = try client.result("plan.generate", ["athleteId": "ath_goal", "race": race("10K", "2027-04-18", 10000), "goalTimeSeconds": 3060])
        XCTAssertEqual(realistic["warnings"], .array([]), "51:00 is within reach: \(realistic["warnings"]?.text ?? "")")
        let ambitious = try client.result("plan.generate", ["athleteId": "ath_goal", "race": race("10K", "2027-04-18", 10000), "goalTimeSeconds": 2100])
        let warnings = ambitious["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        XCTAssertEqual(warnings.count, 1, "one warning about the goal: \(warnings)")
        XCTAssertTrue(warnings.first?.contains("35:00") ?? false, "the warning names the goal: \(warnings)")
        XCTAssertEqual(ambitious["plan"]?["goalTimeSeconds"]?.doubleValue, 2100, "the athlete's goal is kept")
        XCTAssertEqual(ambitious["plan"]?["status"], "active")
        XCTAssertEqual(realistic["paces"]?["easy"], ambitious["paces"]?["easy"], "training paces come from current fitness, not the goal")
        try checkGenerated(ambitious, client: client, raceDate: "2027-04-18", meters: 10000)
        XCTAssertEqual(try client.error("plan.generate", ["athleteId": "ath_goal", "race": race("10K", "2027-04-18", 10000), "goalTimeSeconds": 1000],
                                        code: -32602)["data"]?["field"], "goalTimeSeconds", "1:40/km is not a running goal")
        try client.finish()
    }

    func testGenerationIsDeterministic() throws {
        let client = try trainingServer()
        try client.athlete("ath_one")
        try client.athlete("ath_two")
        _ = try client.result("race.create", ["id": "race_half", "name": "Half", "date": "2027-05-02", "distanceMeters": .double(21097.5)])
        let params: [String: JSONValue] = ["raceId": "race_half", "goalTimeSeconds": 6900, "preferredDays": ["tue", "thu", "sat", "sun"], "startDate": "2027-01-25"]
        var first = params; first["athleteId"] = "ath_one"
        var second = params; second["athleteId"] = "ath_two"
        let a = try client.result("plan.generate", .object(first))
        let b = try client.result("plan.generate", .object(second))
        XCTAssertNotEqual(a["plan"]?["id"], b["plan"]?["id"])
        let daysA = try client.days(a["plan"]?["id"]?.stringValue ?? "")
        let daysB = try client.days(b["plan"]?["id"]?.stringValue ?? "")
        XCTAssertEqual(daysA.count, daysB.count)
        XCTAssertFalse(daysA.isEmpty)
        XCTAssertEqual(daysA.map { $0["plannedData"] }, daysB.map { $0["plannedData"] }, "identical plannedData arrays")
        XCTAssertEqual(daysA.map { $0["phase"] }, daysB.map { $0["phase"] })
        XCTAssertEqual(a["weeks"], b["weeks"])
        XCTAssertEqual(a["paces"], b["paces"])
        XCTAssertEqual(Set(daysA.compactMap { $0["id"] }).intersection(daysB.compactMap { $0["id"] }), [], "each plan has its own day rows")
        try client.finish()
    }

    func testUnknownAthleteOrRaceIsNotFound() throws {
        let client = try trainingServer()
        try client.athlete("ath_known")
        let athlete = try client.error("plan.generate", ["athleteId": "ath_ghost", "race": race("10K", "2027-04-18", 10000)], code: -32001)
        XCTAssertEqual(athlete["data"]?["entity"], "athlete")
        XCTAssertEqual(athlete["data"]?["id"], "ath_ghost")
        let race = try client.error("plan.generate", ["athleteId": "ath_known", "raceId": "race_ghost"], code: -32001)
        XCTAssertEqual(race["data"]?["entity"], "race")
        XCTAssertEqual(race["data"]?["id"], "race_ghost")
        XCTAssertEqual(try client.error("plan.generate", ["athleteId": "ath_known", "planId": "plan_ghost"], code: -32001)["data"]?["id"], "plan_ghost")
        XCTAssertEqual(try client.error("plan.active", ["athleteId": "ath_ghost"], code: -32001)["data"]?["id"], "ath_ghost")
        XCTAssertEqual(try client.error("plan.days", ["planId": "plan_ghost"], code: -32001)["data"]?["id"], "plan_ghost")
        XCTAssertEqual(try client.planCount("ath_known"), 0)
        try client.finish()
    }

    // MARK: - plan.active, plan.assign, plan.archive

    func testActivePlanFollowsTheLatestAssignmentAndSkipsArchivedPlans() throws {
        let client = try trainingServer()
        try client.athlete("ath_active")
        XCTAssertEqual(try client.result("plan.active", ["athleteId": "ath_active"]), .null, "no plan yet")
        let older = try client.result("plan.generate", ["athleteId": "ath_active", "id": "plan_older", "race": race("10K", "2027-04-18", 10000)])
        XCTAssertEqual(older["plan"]?["id"], "plan_older")
        XCTAssertEqual(try client.result("plan.active", ["athleteId": "ath_active"])["plan"]?["id"], "plan_older")
        _ = try client.result("plan.generate", ["athleteId": "ath_active", "id": "plan_newer", "race": race("Half", "2027-05-02", 21097.5)])
        let newest = try client.result("plan.active", ["athleteId": "ath_active"])
        XCTAssertEqual(newest["plan"]?["id"], "plan_newer", "the latest generated plan")
        XCTAssertEqual(newest["race"]?["distanceMeters"]?.doubleValue, 21097.5, "with its race")

        let assigned = try client.result("plan.assign", ["athleteId": "ath_active", "planId": "plan_older"])
        XCTAssertEqual(assigned["plan"]?["id"], "plan_older")
        XCTAssertEqual(try client.result("plan.active", ["athleteId": "ath_active"])["plan"]?["id"], "plan_older", "the assigned older plan")

        let archived = try client.result("plan.archive", ["id": "plan_older"])
        XCTAssertEqual(archived["status"], "archived")
        XCTAssertEqual(try client.result("plan.get", ["id": "plan_older"])["status"], "archived", "stored")
        XCTAssertEqual(try client.result("plan.active", ["athleteId": "ath_active"])["plan"]?["id"], "plan_newer",
                       "an archived plan is skipped: the latest other assignment wins")
        XCTAssertEqual(try client.error("plan.assign", ["athleteId": "ath_active", "planId": "plan_older"], code: -32002)["code"], -32002,
                       "an archived plan cannot be assigned")
        XCTAssertEqual(try client.result("plan.active", ["athleteId": "ath_active"])["plan"]?["id"], "plan_newer")
        _ = try client.result("plan.archive", ["id": "plan_newer"])
        XCTAssertEqual(try client.result("plan.active", ["athleteId": "ath_active"]), .null, "every plan archived: none is active")
        XCTAssertEqual(try client.error("plan.archive", ["id": "plan_ghost"], code: -32001)["data"]?["id"], "plan_ghost")
        XCTAssertEqual(try client.error("plan.assign", ["athleteId": "ath_active", "planId": "plan_ghost"], code: -32001)["data"]?["id"], "plan_ghost")
        let statuses = try client.result("plan.list", ["athleteId": "ath_active"]).arrayValue?.compactMap { $0["status"]?.stringValue }
        XCTAssertEqual(statuses, ["archived", "archived"])
        try client.finish()
    }

    func testActivePlanTodayIsThePlannedDayOnTheAthletesCurrentDate() throws {
        // 05:00 UTC on Tuesday is Monday evening in Los Angeles.
        let client = try trainingServer(now: "2027-01-26T05:00:00Z")
        try client.athlete("ath_la", timeZone: "America/Los_Angeles")
        try client.athlete("ath_utc", timeZone: "UTC")
        var planIds: [String: String] = [:]
        for athlete in ["ath_la", "ath_utc"] {
            let generated = try client.result("plan.generate", [
                "athleteId": .string(athlete), "startDate": "2027-01-18", "race": race("10K", "2027-04-18", 10000),
            ])
            planIds[athlete] = generated["plan"]?["id"]?.stringValue
        }
        for (athlete, date) in [("ath_la", "2027-01-25"), ("ath_utc", "2027-01-26")] {
            let active = try client.result("plan.active", ["athleteId": .string(athlete)])
            XCTAssertEqual(active["todayDate"]?.stringValue, date, athlete)
            let expected = try client.days(planIds[athlete] ?? "", from: date, to: date)
            XCTAssertEqual(expected.count, 1)
            XCTAssertEqual(active["today"], expected.first, "\(athlete): today is the planned day of \(date)")
        }
        // Before the plan starts there is no planned day today.
        let later = try client.result("plan.generate", ["athleteId": "ath_utc", "startDate": "2027-02-01", "race": race("10K", "2027-04-25", 10000)])
        let active = try client.result("plan.active", ["athleteId": "ath_utc"])
        XCTAssertEqual(active["plan"]?["id"], later["plan"]?["id"])
        XCTAssertEqual(active["today"], .null)
        try client.finish()
    }

    func testADraftIsFilledByGenerate() throws {
        let client = try trainingServer()
        try client.athlete("ath_draft")
        _ = try client.result("race.create", ["id": "race_draft", "name": "Draft 10K", "date": "2027-04-18", "distanceMeters": 10000])
        let draft = try client.result("plan.create", [
            "id": "plan_draft", "athleteId": "ath_draft", "name": "My spring plan", "raceId": "race_draft", "daysPerWeek": 4, "goalTimeSeconds": 3000,
        ])
        XCTAssertEqual(draft["plan"]?["status"], "draft")
        XCTAssertEqual(draft["plan"]?["weekCount"]?.intValue, 0)
        XCTAssertEqual(draft["plan"]?["startDate"], "2027-01-25")
        XCTAssertEqual(draft["race"]?["id"], "race_draft")
        XCTAssertEqual(try client.days("plan_draft"), [], "a draft has no days")
        XCTAssertEqual(try client.result("plan.active", ["athleteId": "ath_draft"]), .null, "a draft is not active")

        let filled = try client.result("plan.generate", ["athleteId": "ath_draft", "planId": "plan_draft"])
        XCTAssertEqual(filled["plan"]?["id"], "plan_draft", "the same plan")
        XCTAssertEqual(filled["plan"]?["status"], "active")
        XCTAssertEqual(filled["plan"]?["name"], "My spring plan", "the draft's name is kept")
        XCTAssertEqual(filled["plan"]?["goalTimeSeconds"]?.doubleValue, 3000, "the draft's goal is used")
        XCTAssertEqual(filled["plan"]?["preferredDays"]?.arrayValue?.count, 4, "the draft's days are used")
        XCTAssertEqual(filled["race"]?["id"], "race_draft")
        try checkGenerated(filled, client: client, raceDate: "2027-04-18", meters: 10000)
        XCTAssertEqual(try client.result("plan.get", ["id": "plan_draft"])["status"], "active")
        XCTAssertEqual(try client.planCount("ath_draft"), 1, "no second plan")
        XCTAssertEqual(try client.result("plan.active", ["athleteId": "ath_draft"])["plan"]?["id"], "plan_draft")
        XCTAssertEqual(try client.error("plan.generate", ["athleteId": "ath_draft", "planId": "plan_draft"], code: -32002)["code"], -32002,
                       "only a draft can be generated into")
        try client.finish()
    }

    // MARK: - Atomicity

    /// The ids a write makes are one series per write (`day_<16 hex>_0001` …), so its rows sit side by side in the
    /// primary-key index: a plan's days numbered in date order, a sync page's activities in input order; another
    /// plan or page has another stem, and every id is unique.
    func testIdsOfOneWriteAreOneSeries() throws {
        let client = try trainingServer()
        try client.athlete("ath_series")
        func stems(_ ids: [String], prefix: String, file: StaticString = #filePath, line: UInt = #line) -> Set<String> {
            for (index, id) in ids.enumerated() {
                XCTAssertNotNil(id.wholeMatch(of: /[a-z]+_[0-9a-f]{16}_[0-9]{4,}/), id, file: file, line: line)
                XCTAssertTrue(id.hasPrefix(prefix + "_"), id, file: file, line: line)
                XCTAssertTrue(id.hasSuffix("_" + String(format: "%04d", index + 1)), "\(id) is number \(index + 1)", file: file, line: line)
            }
            return Set(ids.map { String($0.prefix(prefix.count + 17)) })
        }
        var planStems: Set<String> = []
        for raceDate in ["2027-04-18", "2027-05-16"] {
            let generated = try client.result("plan.generate", ["athleteId": "ath_series", "race": race("10K", raceDate, 10000)])
            let ids = try client.days(try XCTUnwrap(generated["plan"]?["id"]?.stringValue)).compactMap { $0["id"]?.stringValue }
            let stem = stems(ids, prefix: "day")
            XCTAssertEqual(stem.count, 1, "one plan, one series")
            planStems.formUnion(stem)
        }
        XCTAssertEqual(planStems.count, 2, "two plans, two series")

        var pageStems: Set<String> = []
        for page in 0..<2 {
            let runs: [JSONValue] = (0..<12).map { index in
                ["summaryId": .string("run-\(page)-\(index)"), "activityType": "RUNNING",
                 "startTimeInSeconds": .number(JSONNumber(1_780_326_000 + (page * 12 + index) * 86_400)), "startTimeOffsetInSeconds": -28800,
                 "durationInSeconds": 3000, "distanceInMeters": 10000]
            }
            let ids = try client.ingest("ath_series", runs).compactMap { $0["activity"]?["id"]?.stringValue }
            XCTAssertEqual(ids.count, 12)
            let stem = stems(ids, prefix: "act")
            XCTAssertEqual(stem.count, 1, "one page, one series")
            pageStems.formUnion(stem)
        }
        XCTAssertEqual(pageStems.count, 2, "two pages, two series")
        try client.finish()
    }

    func testFailedGenerationsWriteNothing() throws {
        let client = try trainingServer()
        try client.athlete("ath_atomic")
        try client.athlete("ath_other")
        _ = try client.result("plan.generate", ["athleteId": "ath_atomic", "id": "plan_kept", "race": race("10K", "2027-04-18", 10000)])
        _ = try client.result("plan.create", ["id": "plan_empty", "athleteId": "ath_atomic", "name": "Draft", "race": race("Draft race", "2027-02-05", 42195)])
        let plans = try client.result("plan.list", ["athleteId": "ath_atomic"])
        let active = try client.result("plan.active", ["athleteId": "ath_atomic"])
        let races = try client.result("race.list")
        XCTAssertEqual(active["plan"]?["id"], "plan_kept")

        let failing: [(JSONValue, Int)] = [
            (["athleteId": "ath_atomic", "race": race("Too soon", "2027-02-07", 42195)], -32602),
            (["athleteId": "ath_atomic", "race": race("Too far", "2029-02-07", 42195)], -32602),
            (["athleteId": "ath_atomic", "race": race("Bad day", "2027-04-18", 10000), "daysPerWeek": 3, "longRunDay": "wed"], -32602),
            (["athleteId": "ath_atomic", "race": race("Bad goal", "2027-04-18", 10000), "goalTimeSeconds": 60], -32602),
            (["athleteId": "ath_atomic", "race": race("Bad distance", "2027-04-18", 250_000)], -32602),
            (["athleteId": "ath_atomic", "race": race("Bad generator", "2027-04-18", 10000), "generator": "oracle"], -32602),
            (["athleteId": "ath_atomic", "raceId": "race_ghost"], -32001),
            (["athleteId": "ath_atomic", "planId": "plan_empty"], -32602),  // the draft's marathon is 2 weeks away
            (["athleteId": "ath_atomic", "planId": "plan_kept"], -32002),
            (["athleteId": "ath_other", "planId": "plan_empty", "race": race("Mine", "2027-04-18", 10000)], -32002),
            (["athleteId": "ath_atomic", "id": "plan_kept", "race": race("Same id", "2027-04-18", 10000)], -32002),
        ]
        for (params, code) in failing {
            try client.error("plan.generate", params, code: code)
            XCTAssertEqual(try client.result("plan.list", ["athleteId": "ath_atomic"]), plans, "plan.list unchanged after \(params.text)")
            XCTAssertEqual(try client.result("plan.active", ["athleteId": "ath_atomic"]), active, "plan.active unchanged after \(params.text)")
            XCTAssertEqual(try client.result("race.list"), races, "no inline race stored after \(params.text)")
        }
        XCTAssertEqual(try client.days("plan_empty"), [], "the draft is still empty")
        XCTAssertEqual(try client.result("plan.get", ["id": "plan_empty"])["status"], "draft")
        XCTAssertEqual(try client.planCount("ath_other"), 0)
        try client.finish()

        // And nothing half-written reached the file.
        let reopened = try trainingServer()
        XCTAssertEqual(try reopened.result("plan.list", ["athleteId": "ath_atomic"]), plans)
        XCTAssertEqual(try reopened.result("race.list"), races)
        try reopened.finish()
    }
}
