import JSONRPC
import TrainingDomain
import TrainingStore

/// What every edit of a plan's days shares: the plan as it stands, the validator as the gate, one revision per change.
struct PlanEditing {
    let plan: TrainingPlan
    let race: Race
    let athlete: Athlete
    let today: CalendarDate
    let days: [PlannedDay]

    /// What an edit answers: the new revision, the days that changed, and what bends.
    struct Result: Encodable {
        var revision: Int
        var changes: [DayChange]
        var warnings: [String]
    }

    /// Loads the plan (`-32001`), its race and athlete, today in the athlete's zone, and its days.
    static func load(_ planId: String, _ context: ServerContext) async throws -> PlanEditing {
        let plan = try await PlanInputs.plan(planId, context)
        guard plan.status == .active || plan.status == .completed, plan.weekCount > 0 else {
            throw RPCError.conflict("plan \(plan.id) is \(plan.status.rawValue); only a generated plan can be edited")
        }
        guard let race = try await context.database.race(forPlan: plan.id) else { throw RPCError.conflict("plan \(plan.id) has no race") }
        let athlete = try await AthleteInputs.require(plan.athleteId, context)
        let days = try await context.database.plannedDays(planId: plan.id)
        return PlanEditing(plan: plan, race: race, athlete: athlete, today: AthleteInputs.today(of: athlete, context), days: days)
    }

    /// The plan's last day.
    var lastDay: CalendarDate { plan.startDate.adding(days: plan.weekCount * 7 - 1) }

    /// `-32602` naming `field` unless `date` is a day of the plan, not in the past and not race day.
    func requireEditable(_ date: CalendarDate, field: String, allowRaceDay: Bool = false) throws(RPCError) {
        guard date >= plan.startDate, date <= lastDay else {
            throw RPCError.invalidParams(field: field, reason: "\(date) is outside the plan (\(plan.startDate) to \(lastDay))")
        }
        guard date >= today else { throw RPCError.invalidParams(field: field, reason: "\(date) is in the past (today is \(today) in \(athlete.timeZone)): past days never change") }
        guard allowRaceDay || date != race.date else { throw RPCError.invalidParams(field: field, reason: "\(date) is race day: it never moves") }
    }

    /// The plan week holding `date`.
    func week(of date: CalendarDate) -> [PlannedDay] {
        let index = plan.startDate.days(to: date) / 7
        return days.filter { $0.weekIndex == index }.sorted { $0.date < $1.date }
    }

    /// The days with `edited` applied (by id), the past, the race day and every other day kept.
    func applying(_ edited: [PlannedDay]) -> [PlannedDay] {
        let byId = Dictionary(edited.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        return days.map { day in
            guard let new = byId[day.id], day.date >= today, day.date != race.date else { return day }
            return new
        }
    }

    /// The gate: the edited plan must pass the validator as a generated one does (`-32011` otherwise).
    func validate(_ edited: [PlannedDay], trainingDays: [Weekday]? = nil) throws(RPCError) {
        let runDays = Set(edited.filter { $0.plannedData.type.isRun }.map(\.date.weekday))
        let allowed = Array(Set(trainingDays ?? plan.preferredDays).union(runDays)).sorted { $0.mondayBasedIndex < $1.mondayBasedIndex }
        let request = PlanRequest(
            raceName: race.name, raceDate: race.date, raceDistanceMeters: race.distanceMeters, startDate: plan.startDate,
            goalTimeSeconds: plan.goalTimeSeconds, trainingDays: allowed
        )
        let weeks = Dictionary(grouping: edited, by: \.weekIndex).keys.sorted().map { index in
            let weekDays = edited.filter { $0.weekIndex == index }.sorted { $0.dayIndex < $1.dayIndex }
            return GeneratedWeek(weekIndex: index, phase: weekDays.first?.phase ?? .base, days: weekDays.map {
                GeneratedDay(weekIndex: index, dayIndex: $0.dayIndex, phase: $0.phase, workout: $0.plannedData)
            })
        }
        let vdot = WorkoutReshaping.vdot(of: edited) ?? 40
        let generated = GeneratedPlan(weeks: weeks, paces: VDOT.paces(vdot: vdot), vdot: vdot, goalTimeSeconds: plan.goalTimeSeconds ?? 0,
                                      predictedTimeSeconds: nil, warnings: [])
        try PlanInputs.validate(generated, for: request, generator: "edit")
    }

    /// Validates `edited` (the whole plan) and writes the changed days as one revision; nothing changes → the current revision.
    func commit(_ edited: [PlannedDay], kind: String, reason: String?, warnings: [String], _ call: MethodCall,
                trainingDays: [Weekday]? = nil, planUpdate: TrainingPlan? = nil) async throws -> Result {
        let context = call.context
        let request = call.request
        let final = applying(edited)
        try validate(final, trainingDays: trainingDays)
        try Task.checkCancellation()
        let changed = PlanHistory.changes(from: days, to: final)
        let stored = Dictionary(uniqueKeysWithValues: days.map { ($0.id, $0) })
        let changedDays = final.filter { day in stored[day.id].map { $0.plannedData != day.plannedData || $0.phase != day.phase } ?? false }
        let write = RevisionWrite(
            planId: plan.id, kind: kind, reason: reason, days: changedDays,
            expectedRevisions: Dictionary(uniqueKeysWithValues: days.map { ($0.id, $0.revision) }), createdAt: context.clock.timestamp(), plan: planUpdate
        )
        // The commit point: a cancel that arrives now no longer undoes the answer.
        let committed = try await request.committing { try await context.database.commitRevision(write) }
        return Result(revision: committed.revision, changes: changed, warnings: warnings)
    }
}
