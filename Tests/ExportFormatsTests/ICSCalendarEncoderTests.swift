import ExportFormats
import Foundation
import Testing
import TrainingDomain

/// Calendars of generated plans, read back by the Python `icalendar` package, and the line rules checked octet by octet.
struct ICSCalendarEncoderTests {
    /// 2026-05-20T06:30:00Z.
    static let stamp: Int64 = 1_779_258_600

    struct Parsed: Decodable {
        struct Calendar: Decodable { var version: String; var prodid: String; var name: String }
        struct Event: Decodable {
            var uid: String, sequence: Int, start: String, end: String, startIsDate: Bool, stamp: String, summary: String, description: String
        }
        var calendar: Calendar
        var events: [Event]
        var errors: [String]
    }

    static func calendar(_ plan: SamplePlan, revision: (PlannedDay) -> Int = { _ in 0 }) -> ICSCalendarPlan {
        ICSCalendarPlan(planId: plan.id, name: plan.name, days: plan.days.map {
            ICSCalendarDay(plannedDayId: $0.id, date: $0.date, revision: revision($0), workout: $0.plannedData)
        })
    }

    static func parse(_ text: String) throws -> Parsed {
        let folder = try ExternalJudge.temporaryFolder("ics")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("plan.ics").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let run = try ExternalJudge.python("parse_ics.py", [path])
        try #require(run.status == 0, "parse_ics.py failed: \(run.standardError)")
        return try JSONDecoder().decode(Parsed.self, from: run.standardOutput)
    }

    @Test(arguments: ["marathon", "fiveK", "half"])
    func icalendarReadsOneEventPerRunningDay(_ planName: String) throws {
        let plan = try FITWorkoutEncoderTests.plan(planName)
        let parsed = try Self.parse(ICSCalendarEncoder.encode(Self.calendar(plan), stampEpochSeconds: Self.stamp))
        #expect(parsed.errors.isEmpty, "\(parsed.errors)")
        #expect(parsed.calendar.version == "2.0")
        #expect(parsed.calendar.prodid == ICSCalendarEncoder.productIdentifier)
        #expect(parsed.calendar.name == plan.name)
        let running = plan.days.filter { $0.plannedData.type != .rest }
        #expect(running.count == plan.days.filter { $0.plannedData.type.isRun }.count, "the coach plans no cross-training")
        try #require(parsed.events.count == running.count)
        for (day, event) in zip(running, parsed.events) {
            #expect(event.uid == "\(day.id)@gofast")
            #expect(event.start == day.date.description)
            #expect(event.end == day.date.adding(days: 1).description)
            #expect(event.startIsDate)
            #expect(event.stamp == "2026-05-20T06:30:00+00:00")
            #expect(event.sequence == 0)
            #expect(event.summary == day.plannedData.title)
            #expect(event.description.hasPrefix(day.plannedData.description + "\n\n"))
            if let pace = day.plannedData.segments.first(where: { $0.targetPace != nil })?.targetPace {
                let minutes = Int(pace.minSecondsPerKm.rounded()) / 60, seconds = Int(pace.minSecondsPerKm.rounded()) % 60
                #expect(event.description.contains("at \(minutes):\(seconds < 10 ? "0" : "")\(seconds)–"), "\(event.description)")
            }
        }
        // The race name holds quotes, a semicolon and angle brackets: the 5K's race-day title survives escaping.
        if planName == "fiveK" { #expect(parsed.events.first { $0.summary.hasPrefix("Race") }?.summary == "Race: Parkrun \"PB\" attempt; <fast>") }
    }

    @Test func uidsAreStableAcrossExportsAndSequenceFollowsRevision() throws {
        let plan = try SamplePlan.marathon()
        let first = try Self.parse(ICSCalendarEncoder.encode(Self.calendar(plan), stampEpochSeconds: Self.stamp))
        let changed = plan.days.filter { $0.weekIndex == 3 }.map(\.id)
        let second = try Self.parse(ICSCalendarEncoder.encode(
            Self.calendar(plan) { changed.contains($0.id) ? 2 : 0 }, stampEpochSeconds: Self.stamp + 86_400
        ))
        #expect(first.events.map(\.uid) == second.events.map(\.uid))
        #expect(Set(first.events.map(\.uid)).count == first.events.count, "UIDs are unique")
        for event in second.events {
            let id = String(event.uid.dropLast("@gofast".count))
            #expect(event.sequence == (changed.contains(id) ? 2 : 0))
        }
    }

    @Test func linesAreFoldedAt75OctetsWithCRLFAndNeverSplitACharacter() throws {
        let day = ICSCalendarDay(
            plannedDayId: "d1", date: try #require(CalendarDate("2026-06-01")), revision: 1,
            workout: PlannedWorkout(
                type: .easy, title: String(repeating: "Läufchen 🏃‍♀️ à Zürich, ", count: 6), description: "a;b,c\\d\nnext line\r\nthird",
                distanceMeters: 8000, durationSeconds: 2880, targetPace: PaceRange(minSecondsPerKm: 350, maxSecondsPerKm: 370),
                segments: [WorkoutSegment(kind: .steady, distanceMeters: 8000, targetPace: PaceRange(minSecondsPerKm: 350, maxSecondsPerKm: 370))]
            )
        )
        let bytes = ICSCalendarEncoder.encodeBytes(ICSCalendarPlan(planId: "p", name: "Plan", days: [day]), stampEpochSeconds: Self.stamp)
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D {
                #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A, "a CR is always followed by LF")
                lines.append(current)
                current = []
                index += 2
                continue
            }
            #expect(bytes[index] != 0x0A, "no bare LF")
            current.append(bytes[index])
            index += 1
        }
        #expect(lines.allSatisfy { $0.count <= 75 })
        #expect(lines.contains { $0.count >= 74 }, "long lines are used to the limit")
        for line in lines {
            #expect(String(validating: line, as: UTF8.self) != nil, "each physical line is whole UTF-8")
        }
        let parsed = try Self.parse(String(decoding: bytes, as: UTF8.self))
        #expect(parsed.events.first?.summary == day.workout.title)
        #expect(parsed.events.first?.description.hasPrefix("a;b,c\\d\nnext line\nthird\n\n8 km · about 48 min · 5:50–6:10/km") == true)
        #expect(parsed.events.first?.description.hasSuffix("Steps:\n- Run 8 km at 5:50–6:10/km") == true)
    }
}
