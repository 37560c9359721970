import Foundation
import GRDB
import TrainingDomain

/// Everything one generated plan writes, applied in a single transaction by `savePlan`.
public struct PlanWrite: Sendable {
    /// The plan record as it will be stored (status `active`).
    public var plan: TrainingPlan
    /// The race it targets.
    public var race: Race
    /// Whether `race` is new and must be inserted.
    public var insertsRace: Bool
    /// Whether `plan` replaces an existing draft with the same id.
    public var fillsDraft: Bool
    /// Every planned day, dates already computed by the backend.
    public var days: [PlannedDay]
    /// The assignment timestamp (`now`).
    public var assignedAt: String

    public init(plan: TrainingPlan, race: Race, insertsRace: Bool, fillsDraft: Bool, days: [PlannedDay], assignedAt: String) {
        self.plan = plan
        self.race = race
        self.insertsRace = insertsRace
        self.fillsDraft = fillsDraft
        self.days = days
        self.assignedAt = assignedAt
    }
}

/// A plan with its race, as `plan.active` and friends return it.
public struct PlanWithRace: Sendable {
    /// The plan.
    public var plan: TrainingPlan
    /// Its race through RaceTrainingPlan, when linked.
    public var race: Race?
}

extension AppDatabase {
    /// Stores a generated plan atomically: the plan (new, or the draft filled) as `active`, its race link,
    /// a new assignment, and every planned day. Any failure (a constraint, a cancellation) writes nothing.
    public func savePlan(_ write: PlanWrite) async throws -> TrainingPlan {
        try await savePlan(write, checking: {}, answering: {}).plan
    }

    /// How many days `savePlan(_:checking:answering:)` serialises before its transaction begins: enough for the
    /// inserts to start on while the thread that serialises the rest wakes up.
    static let daysSerializedBeforeTheTransaction = 16

    /// `savePlan(_:)` on two cores: another thread serialises the days' workouts, which the inserts take as they
    /// come, then runs `check` and `answer`; returns the plan and the answer.
    ///
    /// The transaction commits only once `check` has returned: what it throws is thrown with nothing written, even
    /// when the days it let through broke a constraint first. `answer` runs beside the commit, whose outcome it
    /// must not change: a caller checks the plan in `check` and serialises its reply in `answer`.
    public func savePlan<Answer: Sendable>(
        _ write: PlanWrite, checking check: @escaping @Sendable () throws -> Void, answering answer: @escaping @Sendable () throws -> Answer
    ) async throws -> (plan: TrainingPlan, answer: Answer) {
        let days = PlannedDaySink()
        let head = min(Self.daysSerializedBeforeTheTransaction, write.days.count)
        days.append(write.days[..<head])
        return try await savePlan(write, into: days, making: { days in
            days.append(write.days[head...])
            return (write.plan, ())
        }, checking: check, answering: { _, _ in try answer() })
    }

    /// `savePlan(_:checking:answering:)` of a plan whose days are made while it is stored, in three steps on another
    /// thread:
    /// - `make` hands the days to the sink as it makes them (`write.days` may be empty) and returns the plan's final
    ///   record (what only the whole plan tells, such as its goal time, may differ from `write.plan`'s) with a value
    ///   of its own. The transaction stores the days, then the record.
    /// - `check` then checks that value: the transaction commits only once it has returned, and what `make` or
    ///   `check` throws is thrown with nothing written.
    /// - `answer` runs beside the commit, with the record and what `check` returned.
    public func savePlan<Made: Sendable, Checked: Sendable, Answer: Sendable>(
        _ write: PlanWrite,
        making make: @escaping @Sendable (PlannedDaySink) throws -> (plan: TrainingPlan, made: Made),
        checking check: @escaping @Sendable (Made) throws -> Checked,
        answering answer: @escaping @Sendable (TrainingPlan, Checked) throws -> Answer
    ) async throws -> (plan: TrainingPlan, answer: Answer) {
        try await savePlan(write, into: PlannedDaySink(), making: make, checking: check, answering: answer)
    }

    /// The transaction runs on the calling thread (no hop to a writer thread and back) while another thread runs
    /// `make`, `check` and `answer` in turn, the inserts taking each day as `make` hands it over.
    private func savePlan<Made: Sendable, Checked: Sendable, Answer: Sendable>(
        _ write: PlanWrite,
        into days: PlannedDaySink,
        making make: @escaping @Sendable (PlannedDaySink) throws -> (plan: TrainingPlan, made: Made),
        checking check: @escaping @Sendable (Made) throws -> Checked,
        answering answer: @escaping @Sendable (TrainingPlan, Checked) throws -> Answer
    ) async throws -> (plan: TrainingPlan, answer: Answer) {
        try Task.checkCancellation()
        let steps = PlanSteps<Answer>()
        // This work never blocks (the feed's appends do not wait), so it cannot starve the global queue's few
        // threads, while the transaction below may wait for it on this cooperative thread. Each step's outcome is
        // handed over in every path: the record before the days are closed (the transaction finds it once it has
        // taken the last day), the check's verdict before the answer is made.
        DispatchQueue.global(qos: .userInitiated).async {
            let made = Result { try make(days) }
            steps.record.put(made.map(\.plan))
            days.close(after: made)
            let checked = made.flatMap { made in Result { try check(made.made) } }
            steps.verdict.put(checked.map { _ in () })
            steps.answer.put(checked.flatMap { checked in Result { try answer(try made.get().plan, checked) } })
        }
        do {
            let plan = try writeOnCallingThread { db in try Self.savePlan(write, days: days, steps: steps, db) }
            return (plan, try steps.answer.take().get())
        } catch {
            // The other thread finishes its steps in every path (a transaction that failed early did not wait for
            // them), and a refusal wins over what it caused.
            if case .failure(let refusal) = steps.verdict.take() { throw refusal }
            throw error
        }
    }

    /// The plan's transaction: its race, the plan as `write` has it, the links, the days as they come and the plan's
    /// final record once they are all in; it returns (and commits) once the plan has passed its check.
    static func savePlan<Answer>(_ write: PlanWrite, days: PlannedDaySink, steps: PlanSteps<Answer>, _ db: Database) throws -> TrainingPlan {
        if write.insertsRace { try PlanRows.insert(write.race, db) }
        if write.fillsDraft {
            guard let existing = try TrainingPlan.fetchOne(db, key: write.plan.id) else {
                throw StoreError.notFound(entity: "plan", id: write.plan.id)
            }
            guard existing.status == .draft else {
                throw StoreError.conflict("plan \(write.plan.id) is \(existing.status.rawValue); only a draft can be generated into")
            }
            guard existing.athleteId == write.plan.athleteId else {
                throw StoreError.conflict("plan \(write.plan.id) belongs to another athlete")
            }
            try PlannedDay.filter(PlannedDay.Columns.trainingPlanId == write.plan.id).deleteAll(db)
            try RaceTrainingPlanRecord.filter(RaceTrainingPlanRecord.Columns.trainingPlanId == write.plan.id).deleteAll(db)
            try PlanRows.update(write.plan, db)
        } else {
            try PlanRows.insert(write.plan, db)
        }
        try PlanRows.link(planId: write.plan.id, raceId: write.race.id, athleteId: write.plan.athleteId, at: write.assignedAt, db)
        let dayCount = try insertPlannedDays(days, db)
        // The maker handed its record over before closing the days, and the days closed without a failure.
        let plan = try steps.record.take().get()
        if plan != write.plan { try PlanRows.update(plan, db) }
        try PlanRows.startRevisions(planId: plan.id, dayCount: dayCount, at: write.assignedAt, db)
        try steps.verdict.take().get()
        return plan
    }

    /// Inserts planned days with one prepared statement.
    static func insertPlannedDays(_ days: [PlannedDay], _ db: Database) throws {
        let sink = PlannedDaySink()
        sink.append(days)
        sink.close(after: .success(()))
        _ = try insertPlannedDays(sink, db)
    }

    /// Inserts the planned days `days` hands over, as they come, with one prepared statement; returns how many.
    static func insertPlannedDays(_ days: PlannedDaySink, _ db: Database) throws -> Int {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO trainingDayPlanned (id, trainingPlanId, weekIndex, dayIndex, date, phase, plannedData, revision)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var count = 0
        while true {
            let batch = try days.rows.take()
            if batch.isEmpty { return count }
            for (day, text) in batch {
                if count % 32 == 0 { try Task.checkCancellation() }
                try statement.execute(binding:
                    day.id, day.trainingPlanId, day.weekIndex, day.dayIndex, day.date.description, day.phase.rawValue, text, day.revision
                )
                count += 1
            }
        }
    }

    /// Inserts a draft plan (no days), optionally linked to a race.
    public func insertDraftPlan(_ plan: TrainingPlan, raceId: String?, insertsRace race: Race?) async throws -> PlanWithRace {
        try await write { db in
            if let race { try race.insert(db) }
            guard try Athlete.exists(db, key: plan.athleteId) else { throw StoreError.notFound(entity: "athlete", id: plan.athleteId) }
            guard try !TrainingPlan.exists(db, key: plan.id) else { throw StoreError.conflict("a plan with id \"\(plan.id)\" already exists") }
            try plan.insert(db)
            var linked: Race?
            if let raceId {
                guard let found = try Race.fetchOne(db, key: raceId) else { throw StoreError.notFound(entity: "race", id: raceId) }
                try RaceTrainingPlanRecord(id: nil, trainingPlanId: plan.id, raceId: raceId, linkedAt: plan.createdAt).insert(db)
                linked = found
            }
            return PlanWithRace(plan: plan, race: linked)
        }
    }

    /// The athlete's active plan by the seed's rule: the plan of the latest assignment (skipping archived
    /// plans), else the latest plan with status `active`; nil when there is none.
    public func activePlan(athleteId: String) async throws -> PlanWithRace? {
        try await reader.read { db in try Self.activePlan(athleteId: athleteId, db) }
    }

    static func activePlan(athleteId: String, _ db: Database) throws -> PlanWithRace? {
        let assigned = try db.cachedOne(TrainingPlan.self, """
            SELECT trainingPlan.* FROM athleteTrainingPlan
            JOIN trainingPlan ON trainingPlan.id = athleteTrainingPlan.trainingPlanId
            WHERE athleteTrainingPlan.athleteId = ? AND trainingPlan.status <> 'archived'
            ORDER BY athleteTrainingPlan.assignedAt DESC, athleteTrainingPlan.id DESC
            LIMIT 1
            """, [athleteId])
        let plan = try assigned ?? db.cachedOne(TrainingPlan.self, """
            SELECT * FROM trainingPlan WHERE athleteId = ? AND status = 'active'
            ORDER BY createdAt DESC, rowid DESC LIMIT 1
            """, [athleteId])
        guard let plan else { return nil }
        return PlanWithRace(plan: plan, race: try race(forPlan: plan.id, db))
    }

    /// The race linked to a plan, or nil.
    public func race(forPlan planId: String) async throws -> Race? {
        try await reader.read { db in try Self.race(forPlan: planId, db) }
    }

    static func race(forPlan planId: String, _ db: Database) throws -> Race? {
        try db.cachedOne(Race.self, """
            SELECT race.* FROM raceTrainingPlan JOIN race ON race.id = raceTrainingPlan.raceId
            WHERE raceTrainingPlan.trainingPlanId = ? LIMIT 1
            """, [planId])
    }

    /// Adds an assignment with a newer `assignedAt`: the "My Training Plans" selection.
    public func assignPlan(athleteId: String, planId: String, assignedAt: String) async throws -> PlanWithRace {
        try await write { db in
            guard try Athlete.exists(db, key: athleteId) else { throw StoreError.notFound(entity: "athlete", id: athleteId) }
            guard let plan = try TrainingPlan.fetchOne(db, key: planId) else { throw StoreError.notFound(entity: "plan", id: planId) }
            guard plan.athleteId == athleteId else { throw StoreError.conflict("plan \(planId) belongs to another athlete") }
            guard plan.status != .archived else { throw StoreError.conflict("plan \(planId) is archived; it cannot be assigned") }
            try AthleteTrainingPlanRecord(id: nil, athleteId: athleteId, trainingPlanId: planId, assignedAt: assignedAt).insert(db)
            return PlanWithRace(plan: plan, race: try Self.race(forPlan: planId, db))
        }
    }

    /// Sets a plan's status to `archived`.
    public func archivePlan(id: String, at now: String) async throws -> TrainingPlan {
        try await write { db in
            guard var plan = try TrainingPlan.fetchOne(db, key: id) else { throw StoreError.notFound(entity: "plan", id: id) }
            plan.status = .archived
            plan.updatedAt = now
            try plan.update(db)
            return plan
        }
    }

    /// The plan's days in date order, optionally between `from` and `to` inclusive.
    public func plannedDays(planId: String, from: CalendarDate? = nil, to: CalendarDate? = nil) async throws -> [PlannedDay] {
        try await reader.read { db in
            var request = PlannedDay.filter(PlannedDay.Columns.trainingPlanId == planId)
            if let from { request = request.filter(PlannedDay.Columns.date >= from.description) }
            if let to { request = request.filter(PlannedDay.Columns.date <= to.description) }
            return try request.order(PlannedDay.Columns.date).fetchAll(db)
        }
    }

    /// The planned day of a plan on `date`, or nil.
    public func plannedDay(planId: String, date: CalendarDate) async throws -> PlannedDay? {
        try await reader.read { db in try Self.plannedDay(planId: planId, date: date, db) }
    }

    static func plannedDay(planId: String, date: CalendarDate, _ db: Database) throws -> PlannedDay? {
        try db.cachedOne(PlannedDay.self, "SELECT * FROM trainingDayPlanned WHERE trainingPlanId = ? AND date = ?", [planId, date.description])
    }

    /// Replaces the workouts of a plan's days on or after `fromDate` in one transaction, as a revision (`regenerate`).
    /// Rows are updated in place (ids kept), so executions keep their link and their hydrated snapshots stay
    /// untouched; each changed day's previous content is kept as a version. Returns the revision.
    public func replacePlannedWorkouts(planId: String, fromDate: CalendarDate, days: [PlannedDay], plan: TrainingPlan, reason: String?) async throws -> Int {
        try await write { db in
            let existing = try PlannedDay.filter(PlannedDay.Columns.trainingPlanId == planId).fetchAll(db)
            let byPosition = Dictionary(existing.map { ("\($0.weekIndex)-\($0.dayIndex)", $0) }, uniquingKeysWith: { first, _ in first })
            let newKeys = Set(days.map { "\($0.weekIndex)-\($0.dayIndex)" })
            for old in existing where old.date >= fromDate && !newKeys.contains("\(old.weekIndex)-\(old.dayIndex)") {
                try old.delete(db)
            }
            var updates: [PlannedDay] = []
            var inserts: [PlannedDay] = []
            for var day in days where day.date >= fromDate {
                try Task.checkCancellation()
                if let old = byPosition["\(day.weekIndex)-\(day.dayIndex)"] {
                    day.id = old.id
                    day.revision = old.revision
                    updates.append(day)
                } else {
                    inserts.append(day)
                }
            }
            let previous = try Self.currentRevision(planId: planId, db)
            var committed = try Self.commitRevision(
                RevisionWrite(planId: planId, kind: "regenerate", reason: reason, days: updates, expectedRevisions: [:], createdAt: plan.updatedAt), db
            ).revision
            if !inserts.isEmpty {
                if committed == previous {
                    committed = previous + 1
                    try db.execute(sql: """
                        INSERT INTO trainingPlanRevision (trainingPlanId, revision, kind, reason, changedDays, createdAt) VALUES (?, ?, 'regenerate', ?, ?, ?)
                        """, arguments: [planId, committed, reason, inserts.count, plan.updatedAt])
                } else {
                    try db.execute(sql: "UPDATE trainingPlanRevision SET changedDays = changedDays + ? WHERE trainingPlanId = ? AND revision = ?",
                                   arguments: [inserts.count, planId, committed])
                }
                try Self.insertPlannedDays(inserts.map { var day = $0; day.revision = committed; return day }, db)
            }
            try plan.update(db)
            return committed
        }
    }
}
