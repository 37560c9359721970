import TrainingDomain

/// Writes a plan as an RFC 5545 calendar: one all-day event per planned day that is not a rest day.
///
/// Each event's `UID` is `<plannedDayId>@gofast` and its `SEQUENCE` the day's revision, so a calendar that re-imports
/// or subscribes updates changed days instead of duplicating them. `DTSTAMP` is an input: same plan and stamp in,
/// same bytes out.
public enum ICSCalendarEncoder {
    /// The product identifier written as `PRODID`.
    public static let productIdentifier = "-//GoFast//Training Plan Export//EN"

    /// The calendar text of `plan` (UTF-8, CRLF line ends), stamped `stampEpochSeconds` (Unix seconds, UTC).
    public static func encode(_ plan: ICSCalendarPlan, stampEpochSeconds: Int64) -> String {
        String(decoding: encodeBytes(plan, stampEpochSeconds: stampEpochSeconds), as: UTF8.self)
    }

    /// The calendar of `plan` as UTF-8 bytes.
    public static func encodeBytes(_ plan: ICSCalendarPlan, stampEpochSeconds: Int64) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(600 + plan.days.count * 700)
        func line(_ name: String, _ value: String, escaping: Bool = false) {
            ICSContentLine.append(name, value, escaping: escaping, to: &output)
        }
        let stamp = utcStamp(stampEpochSeconds)
        line("BEGIN", "VCALENDAR")
        line("VERSION", "2.0")
        line("PRODID", productIdentifier, escaping: true)
        line("CALSCALE", "GREGORIAN")
        line("METHOD", "PUBLISH")
        line("X-WR-CALNAME", plan.name, escaping: true)
        let days = plan.days.filter { $0.workout.type != .rest }.sorted { ($0.date, $0.plannedDayId) < ($1.date, $1.plannedDayId) }
        for day in days {
            line("BEGIN", "VEVENT")
            line("UID", day.plannedDayId + "@gofast", escaping: true)
            line("DTSTAMP", stamp)
            line("SEQUENCE", String(max(0, day.revision)))
            line("DTSTART;VALUE=DATE", basicDate(day.date))
            line("DTEND;VALUE=DATE", basicDate(day.date.adding(days: 1)))
            line("SUMMARY", day.workout.title, escaping: true)
            line("DESCRIPTION", description(of: day.workout), escaping: true)
            line("TRANSP", "TRANSPARENT")
            line("END", "VEVENT")
        }
        line("END", "VCALENDAR")
        return output
    }

    /// The event text: the workout's description, its totals, then its steps one per line.
    static func description(of workout: PlannedWorkout) -> String {
        var lines = [workout.description]
        var totals: [String] = []
        if workout.distanceMeters > 0 { totals.append(WorkoutText.distance(workout.distanceMeters)) }
        if workout.durationSeconds > 0 { totals.append("about " + WorkoutText.duration(workout.durationSeconds)) }
        if let pace = workout.targetPace { totals.append(WorkoutText.paceRange(pace)) }
        if !totals.isEmpty { lines += ["", totals.joined(separator: " · ")] }
        if !workout.segments.isEmpty { lines += ["", "Steps:"] + WorkoutText.stepLines(workout.segments) }
        return lines.joined(separator: "\n")
    }

    /// `20260525`: a DATE value.
    static func basicDate(_ date: CalendarDate) -> String {
        let (year, month, day) = date.components
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + WorkoutText.pad(month) + WorkoutText.pad(day)
    }

    /// `20260520T063000Z`: a UTC DATE-TIME value.
    static func utcStamp(_ epochSeconds: Int64) -> String {
        let days = Int(epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400)
        let second = Int(epochSeconds - Int64(days) * 86_400)
        return basicDate(CalendarDate(daysSinceEpoch: days)) + "T"
            + WorkoutText.pad(second / 3600) + WorkoutText.pad(second / 60 % 60) + WorkoutText.pad(second % 60) + "Z"
    }
}
