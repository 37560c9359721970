/// The outcome of an edit or adaptation: the days with their new content (ids kept) and what bends.
public struct PlanEdit: Hashable, Sendable {
    /// Every day whose content the edit sets (unchanged ones may be included; the store skips them).
    public var days: [PlannedDay]
    /// What the runner should know: a rule that bends, a session dropped, a target that moves.
    public var warnings: [String]

    /// Creates an edit.
    public init(days: [PlannedDay], warnings: [String]) {
        self.days = days
        self.warnings = warnings
    }
}

/// Why an edit cannot be made: the field at fault and a reason a person can act on.
public struct PlanEditError: Error, Hashable, Sendable {
    /// The params field (`date`, `toDate`, `from` …).
    public var field: String
    /// What is wrong.
    public var reason: String

    /// Creates an error.
    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }
}

/// The runner's own edits of a plan's week: move a workout, skip a day. Pure: the days in, the edited days out.
public enum DayEdits {
    /// Moves the workout of `date` to `toDate` in the same plan week, swapping the two days, then re-lays the week so the
    /// coach's rules hold where another day can give way; where none can, a warning says which rule bends.
    /// `week` is the plan week holding `date`; only days on or after `today` may change; the race day never moves.
    public static func move(week: [PlannedDay], date: CalendarDate, toDate: CalendarDate, today: CalendarDate, raceDate: CalendarDate) throws(PlanEditError) -> PlanEdit {
        guard let from = week.first(where: { $0.date == date }) else { throw PlanEditError(field: "date", reason: "\(date) is not a day of the plan") }
        guard let to = week.first(where: { $0.date == toDate }) else {
            throw PlanEditError(field: "toDate", reason: "\(toDate) is outside the week of \(date) (\(week.first?.date.description ?? "?") to \(week.last?.date.description ?? "?")): a workout moves within its week")
        }
        try editable(from, field: "date", today: today, raceDate: raceDate)
        try editable(to, field: "toDate", today: today, raceDate: raceDate)
        var days = Dictionary(uniqueKeysWithValues: week.map { ($0.id, $0) })
        days[from.id]?.plannedData = to.plannedData
        days[to.id]?.plannedData = from.plannedData
        var warnings: [String] = []
        var laidOut = week.map { days[$0.id] ?? $0 }
        if !WeekRules.violations(laidOut).isEmpty {
            // Another key session of the week gives way: swap it with an easy day where the rules then hold.
            let fixed: Set<String> = [from.id, to.id]
            let movable = laidOut.filter { !fixed.contains($0.id) && WeekRules.isKey($0.plannedData) && $0.date >= today && $0.plannedData.type != .race }
            let easyDays = laidOut.filter { !fixed.contains($0.id) && [.easy, .recovery].contains($0.plannedData.type) && $0.date >= today }
            search: for key in movable {
                for easy in easyDays {
                    var candidate = laidOut
                    guard let keyIndex = candidate.firstIndex(where: { $0.id == key.id }), let easyIndex = candidate.firstIndex(where: { $0.id == easy.id }) else { continue }
                    let workout = candidate[keyIndex].plannedData
                    candidate[keyIndex].plannedData = candidate[easyIndex].plannedData
                    candidate[easyIndex].plannedData = workout
                    if WeekRules.violations(candidate).isEmpty {
                        laidOut = candidate
                        warnings.append("\(workout.title) moves from \(key.date) to \(easy.date) so that the week still has an easy day between hard ones.")
                        break search
                    }
                }
            }
        }
        warnings += WeekRules.violations(laidOut).map { "This week bends a rule: \($0)." }
        if to.plannedData.type == .rest, from.plannedData.type.isRun {
            warnings.append("\(toDate) was a rest day: \(from.plannedData.title) now falls on it.")
        }
        return PlanEdit(days: laidOut, warnings: warnings)
    }

    /// Makes `date` a rest day. A key session (quality or long run) moves to an easy day of the same week where the
    /// rules hold (that easy run gives way), else it is dropped with a note.
    public static func skip(week: [PlannedDay], date: CalendarDate, reason: String?, today: CalendarDate, raceDate: CalendarDate) throws(PlanEditError) -> PlanEdit {
        guard let skipped = week.first(where: { $0.date == date }) else { throw PlanEditError(field: "date", reason: "\(date) is not a day of the plan") }
        try editable(skipped, field: "date", today: today, raceDate: raceDate)
        let workout = skipped.plannedData
        var laidOut = week
        guard let index = laidOut.firstIndex(where: { $0.id == skipped.id }) else { return PlanEdit(days: week, warnings: []) }
        laidOut[index].plannedData = WorkoutReshaping.rest("Skipped" + (reason.map { ": \($0)" } ?? "") + ". Was: \(workout.title).")
        var warnings: [String] = []
        if WeekRules.isKey(workout) {
            let candidates = laidOut.filter { [.easy, .recovery].contains($0.plannedData.type) && $0.date >= today && $0.date > date || ([.easy, .recovery].contains($0.plannedData.type) && $0.date >= today && $0.date < date) }
                .sorted { abs($0.date.daysSinceEpoch - date.daysSinceEpoch) < abs($1.date.daysSinceEpoch - date.daysSinceEpoch) }
            var placed = false
            for candidate in candidates {
                var trial = laidOut
                guard let target = trial.firstIndex(where: { $0.id == candidate.id }) else { continue }
                trial[target].plannedData = workout
                if WeekRules.violations(trial).isEmpty {
                    warnings.append("\(workout.title) moves to \(candidate.date); that day's \(candidate.plannedData.title.lowercased()) gives way.")
                    laidOut = trial
                    placed = true
                    break
                }
            }
            if !placed { warnings.append("\(workout.title) is dropped this week: no other day fits it without stacking hard days.") }
        }
        return PlanEdit(days: laidOut, warnings: warnings)
    }

    /// Throws when `day` may not change: in the past, or the race.
    public static func editable(_ day: PlannedDay, field: String, today: CalendarDate, raceDate: CalendarDate) throws(PlanEditError) {
        if day.date < today { throw PlanEditError(field: field, reason: "\(day.date) is in the past (today is \(today)): past days never change") }
        if day.date == raceDate || day.plannedData.type == .race { throw PlanEditError(field: field, reason: "\(day.date) is race day: it never moves") }
    }
}
