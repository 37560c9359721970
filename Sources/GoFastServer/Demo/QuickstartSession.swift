import Foundation
import JSONRPC
import TrainingDomain

/// The quickstart: a real session dated from today, so it shows a live plan whatever day it is run.
///
/// A runner in Los Angeles, a half marathon 17 weeks out, a plan that started on the Monday of last week (so this
/// week is its second and the last seven days are inside it), today's workout, two runs on the two most recent
/// training days before today (a Garmin summary of an evening run and one in our own shape), and the plan's progress.
/// Ids carry the plan's start date: running it again the same week answers `plan.generate` with `-32002`.
public struct QuickstartSession: Sendable {
    /// The runner's time zone.
    public static let timeZoneName = "America/Los_Angeles"
    /// The runner's training days.
    static let trainingDays: [Weekday] = [.tuesday, .thursday, .saturday, .sunday]

    /// Today in the runner's time zone.
    public let today: CalendarDate

    /// The session for `today`.
    public init(today: CalendarDate) { self.today = today }

    /// The session for the current day in Los Angeles by `clock`.
    public init(clock: Clock) {
        self.init(today: clock.today(in: TimeZone(identifier: Self.timeZoneName) ?? .gmt))
    }

    /// The plan's first day: the Monday of last week.
    public var startDate: CalendarDate { today.adding(days: -7 - today.weekday.mondayBasedIndex) }
    /// Race day: the Sunday of the plan's 17th week.
    public var raceDate: CalendarDate { startDate.adding(days: 17 * 7 - 1) }
    /// The two most recent training days before today, oldest first.
    public var runDates: [CalendarDate] {
        let before = (1...7).map { today.adding(days: -$0) }.filter { Self.trainingDays.contains($0.weekday) }
        return Array(before.prefix(2).reversed())
    }

    /// The requests, in order, as JSON-RPC messages (notifications have no id).
    public var messages: [JSONValue] {
        let runner = "quickstart-runner"
        let race = "quickstart-half-\(startDate)"
        let plan = "quickstart-plan-\(startDate)"
        let runs = runDates
        let zone = TimeZone(identifier: Self.timeZoneName) ?? .gmt
        // An evening run at 18:00 local time, as Garmin reports it: UTC seconds and the offset of that day.
        let eveningLocal = runs[0].daysSinceEpoch * 86_400 + 18 * 3600
        let eveningOffset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(eveningLocal)))
        let eveningUTC = eveningLocal - eveningOffset
        // A morning run at 06:30 in our own shape, RFC 3339 with its offset.
        let morningLocal = runs[1].daysSinceEpoch * 86_400 + 6 * 3600 + 1800
        let morningOffset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(morningLocal)))
        let morning = Timestamp.format(epochSeconds: Double(morningLocal - morningOffset), utcOffsetSeconds: morningOffset)

        func request(_ id: Int, _ method: String, _ params: JSONValue) -> JSONValue {
            ["jsonrpc": "2.0", "id": .number(JSONNumber(id)), "method": .string(method), "params": params]
        }
        return [
            request(1, "initialize", ["clientInfo": ["name": "gofast demo", "version": "1"]]),
            ["jsonrpc": "2.0", "method": "initialized", "params": [:]],
            request(2, "athlete.create", [
                "id": .string(runner), "name": "Quinn Runner", "timeZone": .string(Self.timeZoneName),
                "fiveKTimeSeconds": 1380, "maxHeartRate": 188, "restingHeartRate": 52,
            ]),
            request(3, "race.create", [
                "id": .string(race), "name": "Spring Half Marathon", "date": .string(raceDate.description),
                "distanceMeters": 21097.5, "location": "Los Angeles",
            ]),
            request(4, "plan.generate", [
                "id": .string(plan), "athleteId": .string(runner), "raceId": .string(race), "startDate": .string(startDate.description),
                "preferredDays": .array(Self.trainingDays.map { .string(String($0.rawValue.prefix(3))) }), "goalTimeSeconds": 6300,
            ]),
            request(5, "plan.active", ["athleteId": .string(runner)]),
            request(6, "activity.ingest", [
                "athleteId": .string(runner),
                "activities": [
                    [
                        "summaryId": .string("quickstart-\(runs[0])"), "activityType": "RUNNING",
                        "startTimeInSeconds": .number(JSONNumber(eveningUTC)), "startTimeOffsetInSeconds": .number(JSONNumber(eveningOffset)),
                        "durationInSeconds": 2460, "distanceInMeters": 7050,
                        "averageHeartRateInBeatsPerMinute": 146, "maxHeartRateInBeatsPerMinute": 160,
                    ],
                    [
                        "source": "watch", "externalId": .string("quickstart-\(runs[1])"), "sport": "running", "startTime": .string(morning),
                        "elapsedSeconds": 3100, "movingSeconds": 3050, "distanceMeters": 9800, "averageHeartRate": 158, "maxHeartRate": 176,
                    ],
                ],
            ]),
            request(7, "plan.progress", ["planId": .string(plan)]),
            request(8, "shutdown", .null),
            ["jsonrpc": "2.0", "method": "exit"],
        ]
    }

    /// The session as newline-delimited JSON, ready to pipe into `gofast`.
    public var jsonLines: [UInt8] {
        messages.flatMap { JSONWriter.bytes($0) + [0x0A] }
    }
}
