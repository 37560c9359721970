import TrainingDomain

/// Renders a plan report as one self-contained HTML page: inline CSS and SVG, no script, no network.
///
/// Sections: the plan header (race, goal, paces), weekly planned against executed distance coloured by phase, a
/// calendar of every day coloured by compliance, fitness/fatigue/form lines, and the coming week's workouts. Every
/// piece of text from the input is escaped. Same report in, same bytes out.
public enum HTMLReportRenderer {
    /// The page's HTML text.
    public static func render(_ report: PlanReport) -> String {
        var out = ""
        out.reserveCapacity(40_000 + report.days.count * 400)
        let header = report.header
        out += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        out += "<meta name=\"color-scheme\" content=\"light\">"
        // Nothing may load: the page is one file, and a test browser reports any attempt as a console error.
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        out += "<title>\(HTMLText.escape(header.planName)) · GoFast plan report</title>"
        out += "<style>\(ReportStyle.css)</style></head><body><main>"
        out += headerSection(report)
        out += "<section class=\"panel\" id=\"volume\"><h2>Weekly distance</h2>"
        out += WeeklyVolumeChart.svg(report.weeks, today: report.today)
        out += legend(phases(report.weeks).map { ("s-\($0.rawValue)", HTMLText.phaseLabel($0)) } + [("planned", "Planned (outline)"), ("done", "Done (solid)")])
        out += "</section>"
        out += "<section class=\"panel\" id=\"calendar\"><h2>Calendar</h2>"
        out += CalendarGrid.html(report.days, weeks: report.weeks, today: report.today)
        out += legend([("s-green", "As planned"), ("s-yellow", "Partly"), ("s-red", "Far off"), ("s-grey", "Missed"), ("s-future", "To come")])
        out += abbreviations(report.days)
        out += "</section>"
        out += "<section class=\"panel\" id=\"fitness\"><h2>Fitness, fatigue and form</h2>"
        out += FitnessChart.svg(report.fitness, today: report.today)
        if report.fitness.count >= 2 {
            out += legend([("line s-fitness", "Fitness"), ("line s-fatigue", "Fatigue"), ("line s-form", "Form (fitness − fatigue)")])
        }
        out += "</section>"
        out += comingWeekSection(report.comingWeek)
        out += "<footer>Made by GoFast from the plan’s current revision.</footer>"
        return out + "</main></body></html>\n"
    }

    static func headerSection(_ report: PlanReport) -> String {
        let header = report.header
        var out = "<header class=\"plan\"><p class=\"eyebrow\">Training plan</p><h1>\(HTMLText.escape(header.planName))</h1>"
        out += "<p class=\"race\">\(HTMLText.escape(header.raceName)) · \(HTMLText.longDate(header.raceDate)) · \(WorkoutText.distance(header.raceDistanceMeters))</p>"
        var cards: [(String, String, String)] = []
        if let goal = header.goalTimeSeconds, goal > 0, header.raceDistanceMeters > 0 {
            cards.append(("Goal", WorkoutText.clock(goal), WorkoutText.clock(goal / (header.raceDistanceMeters / 1000)) + "/km"))
        }
        if let predicted = header.predictedTimeSeconds, predicted > 0, header.raceDistanceMeters > 0 {
            cards.append(("Fitness predicts", WorkoutText.clock(predicted), WorkoutText.clock(predicted / (header.raceDistanceMeters / 1000)) + "/km"))
        }
        if let today = report.today, today <= header.raceDate {
            let days = today.days(to: header.raceDate)
            cards.append(("Race day", days == 0 ? "Today" : "in \(days) day\(days == 1 ? "" : "s")", HTMLText.shortDate(header.raceDate)))
        }
        let planned = report.weeks.reduce(0) { $0 + ($1.plannedDistanceMeters.isFinite ? $1.plannedDistanceMeters : 0) }
        let done = report.weeks.reduce(0) { $0 + ($1.executedDistanceMeters.isFinite ? $1.executedDistanceMeters : 0) }
        cards.append(("Plan", "\(report.weeks.count) weeks", "\(WorkoutText.kilometers(planned)) km planned"))
        cards.append(("Done so far", "\(WorkoutText.kilometers(done)) km", planned > 0 ? "\(Int((done / planned * 100).rounded())) % of the plan" : ""))
        out += "<ul class=\"cards\">"
        for (label, value, sub) in cards {
            out += "<li class=\"card\"><span class=\"label\">\(label)</span><span class=\"value\">\(HTMLText.escape(value))</span>"
            if !sub.isEmpty { out += "<span class=\"sub\">\(HTMLText.escape(sub))</span>" }
            out += "</li>"
        }
        out += "</ul></header>"
        if let paces = header.paces {
            out += "<section class=\"panel\" id=\"paces\"><h2>Training paces</h2><table class=\"paces\"><thead><tr><th>Pace</th><th>Range</th><th>Used for</th></tr></thead><tbody>"
            let rows: [(String, PaceRange, String)] = [
                ("Easy (E)", paces.easy, "easy and long runs, warm-ups"), ("Marathon (M)", paces.marathon, "marathon-pace work"),
                ("Threshold (T)", paces.threshold, "tempo runs, cruise intervals"), ("Interval (I)", paces.interval, "3–5 minute repeats"),
                ("Repetition (R)", paces.repetition, "short fast repeats, strides"),
            ]
            for (name, range, use) in rows {
                out += "<tr><td>\(name)</td><td>\(WorkoutText.paceRange(range))</td><td>\(use)</td></tr>"
            }
            out += "</tbody></table></section>"
        }
        return out
    }

    static func comingWeekSection(_ days: [PlanReportComingDay]) -> String {
        var out = "<section class=\"panel\" id=\"coming\"><h2>Coming week</h2>"
        guard !days.isEmpty else { return out + "<p class=\"empty\">No workouts in the coming week.</p></section>" }
        out += "<ul class=\"coming\">"
        for day in days.sorted(by: { $0.date < $1.date }) {
            let workout = day.workout
            var classes = "workout t-\(workout.type.rawValue)"
            if workout.type.isQuality { classes += " quality" }
            out += "<li class=\"\(classes)\"><span class=\"when\">\(HTMLText.shortDate(day.date))</span><h3>\(HTMLText.escape(workout.title))</h3>"
            var facts: [String] = []
            if workout.distanceMeters > 0 { facts.append(WorkoutText.distance(workout.distanceMeters)) }
            if workout.durationSeconds > 0 { facts.append("about " + WorkoutText.duration(workout.durationSeconds)) }
            if let pace = workout.targetPace { facts.append(WorkoutText.paceRange(pace)) }
            if !facts.isEmpty { out += "<p class=\"facts\">\(unbroken(HTMLText.escape(facts.joined(separator: " · "))))</p>" }
            if workout.segments.count > 1 || workout.segments.contains(where: { $0.kind == .repeat }) {
                out += stepList(workout.segments, depth: 0)
            }
            out += "</li>"
        }
        return out + "</ul></section>"
    }

    static func stepList(_ segments: [WorkoutSegment], depth: Int) -> String {
        var out = "<ul class=\"steps\">"
        for segment in segments {
            out += "<li>\(unbroken(HTMLText.escape(WorkoutText.step(segment))))"
            if segment.kind == .repeat, let steps = segment.steps, depth < 8 { out += stepList(steps, depth: depth + 1) }
            out += "</li>"
        }
        return out + "</ul>"
    }

    /// `text` with word joiners around each en dash, so a pace range such as `4:34–4:40/km` never breaks across lines.
    static func unbroken(_ text: String) -> String {
        var joined = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "–" { joined += ["\u{2060}", scalar, "\u{2060}"] } else { joined.append(scalar) }
        }
        return String(joined)
    }

    /// The one-letter day types the phone layout uses, for the types the plan has (shown on narrow screens only).
    static func abbreviations(_ days: [PlanReportDay]) -> String {
        let types = WorkoutType.allCases.filter { type in type != .rest && days.contains { $0.type == type } }
        let meanings: [WorkoutType: String] = [
            .easy: "easy", .recovery: "recovery", .long: "long run", .threshold: "threshold", .intervals: "intervals",
            .marathonPace: "marathon pace", .hills: "hills", .strides: "strides", .crossTraining: "cross-training",
        ]
        let pairs = types.compactMap { type -> String? in
            guard let meaning = meanings[type] else { return nil }
            return "\(HTMLText.typeLabel(type).short) \(meaning)"
        }
        return "<p class=\"abbr\">\(HTMLText.escape(pairs.joined(separator: " · ")))</p>"
    }

    static func legend(_ items: [(swatch: String, label: String)]) -> String {
        "<ul class=\"legend\">" + items.map { "<li><span class=\"swatch \($0.swatch)\"></span>\(HTMLText.escape($0.label))</li>" }.joined() + "</ul>"
    }

    /// The phases of `weeks` in first-seen order.
    static func phases(_ weeks: [PlanReportWeek]) -> [TrainingPhase] {
        var seen: [TrainingPhase] = []
        for week in weeks { if let phase = week.phase, !seen.contains(phase) { seen.append(phase) } }
        return seen
    }
}
