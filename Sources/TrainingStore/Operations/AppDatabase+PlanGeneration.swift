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
        try await savePlan(write, beside: {}).plan
    }

    /// How many days `savePlan(_:beside:)` serialises before its transaction begins: enough for the inserts to
    /// start on while the thread that serialises the rest wakes up.
    static let daysSerializedBeforeTheTransaction = 16

    /// `savePlan(_:)` on two cores, with `beside` run while the transaction runs; returns the plan and what `beside`
    /// returned.
    ///
    /// Another thread serialises the days' workouts, which the inserts take as they come, then runs `beside`. The
    /// transaction commits only if `beside` returns: what it throws is thrown with nothing written, even when the
    /// days it let through broke a constraint first. A caller validates the plan and serialises its answer there.
    public func savePlan<Beside: Sendable>(
        _ write: PlanWrite, beside: @escaping @Sendable () throws -> Beside
    ) async throws -> (plan: TrainingPlan, beside: Beside) {
        let days = PlannedDaySink()
        let head = min(Self.daysSerializedBeforeTheTransaction, write.days.count)
        days.append(write.days[..<head])
        let saved = try await savePlan(write, into: days) { days in
            days.append(write.days[head...])
            return (write.plan, try beside())
        }
        return (saved.plan, saved.made)
    }

    /// `savePlan(_:beside:)` of a plan whose days are made while it is stored: `make` runs on another thread, hands
    /// the days to the sink as it makes them (`write.days` may be empty) and returns the plan's final record (what
    /// only the whole plan tells, such as its goal time, may differ from `write.plan`'s) and its own value. The
    /// transaction commits only if `make` returns: what it throws is thrown with nothing written.
    public func savePlan<Made: Sendable>(
        _ write: PlanWrite, making make: @escaping @Sendable (PlannedDaySink) throws -> (plan: TrainingPlan, made: Made)
    ) async throws -> (plan: TrainingPlan, made: Made) {
        try await savePlan(write, into: PlannedDaySink(), making: make)
    }

    /// The transaction runs on the calling thread (no hop to a writer thread and back) while another thread runs
    /// `make`, which fills `days`, the inserts taking each day as it comes.
    private func savePlan<Made: Sendable>(
        _ write: PlanWrite, into days: PlannedDaySink, making make: @escaping @Sendable (PlannedDaySink) throws -> (plan: TrainingPlan, made: Made)
    ) async throws -> (plan: TrainingPlan, made: Made) {
        try Task.checkCancellation()
        let outcome = Handoff<Result<(plan: TrainingPlan, made: Made), any Error>>()
        // This work never blocks (the feed's appends do not wait), so it cannot starve the global queue's few
        // threads, while the transaction below may wait for it on this cooperative thread. The outcome is handed
        // over before the days are closed, so the transaction finds it once it has taken the last day.
        DispatchQueue.global(qos: .userInitiated).async {
            let result = Result { try make(days) }
            outcome.put(result)
            days.close(after: result)
        }
        do {
            try writeOnCallingThread { db in try Self.savePlan(write, days: days, outcome: outcome, db) }
            return try outcome.take().get()
        } catch {
            // The other thread finishes in every path (a transaction that failed early did not wait for it).
            if case .failure(let refusal) = outcome.take() { throw refusal }
            throw error
        }
    }

    /// The plan's transaction: its race, the plan as `write` has it, the links, then the days as they come, and the
    /// plan's final record once they are all in.
    static func savePlan<Made>(
        _ write: PlanWrite, days: PlannedDaySink, outcome: Handoff<Result<(plan: TrainingPlan, made: Made), any Error>>, _ db: Database
    ) throws {
        if write.insertsRace { try write.race.insert(db) }
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
            try write.plan.update(db)
        } else {
            try write.plan.insert(db)
        }
        try RaceTrainingPlanRecord(id: nil, trainingPlanId: write.plan.id, raceId: write.race.id, linkedAt: write.assignedAt).insert(db)
        try AthleteTrainingPlanRecord(id: nil, athleteId: write.plan.athleteId, trainingPlanId: write.plan.id, assignedAt: write.assignedAt).insert(db)
        let dayCount = try insertPlannedDays(days, db)
        // The maker handed its outcome over before closing the days, and the days closed without a failure.
        let plan = try outcome.take().get().plan
        if plan != write.plan { try plan.update(db) }
        try db.execute(sql: "DELETE FROM trainingPlanRevision WHERE trainingPlanId = ?", arguments: [write.plan.id])
        try db.execute(sql: """
            INSERT INTO trainingPlanRevision (trainingPlanId, revision, kind, reason, changedDays, createdAt) VALUES (?, 1, 'generate', NULL, ?, ?)
            """, arguments: [write.plan.id, dayCount, write.assignedAt])
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
