import Foundation
import GRDB
import TrainingDomain

/// The outcome of storing (and maybe matching) one activity.
public struct IngestOutcome: Sendable {
    /// The stored record (the existing one when it was already known).
    public var activity: Activity
    /// False when the activity was already known.
    public var created: Bool
    /// The executed day, or nil.
    public var execution: ExecutedDay?
    /// Why there is no execution, or nil.
    public var unmatchedReason: UnmatchedReason?
}

/// The outcome of matching.
public struct MatchOutcome: Sendable {
    /// The executed day, or nil.
    public var execution: ExecutedDay?
    /// Why there is no execution, or nil.
    public var unmatchedReason: UnmatchedReason?
}

extension AppDatabase {
    /// Stores an activity unless the same (athlete, source, external id) is known, then matches it when asked — one transaction.
    public func ingest(_ activity: Activity, autoMatch: Bool, now: String) async throws -> IngestOutcome {
        guard let outcome = try await ingest([activity], autoMatch: autoMatch, now: now).first else { throw StoreError.conflict("nothing ingested") }
        return try outcome.get()
    }

    /// Stores and matches many activities of one athlete in ONE transaction (a sync page), each item in its own
    /// savepoint so one refused item does not undo or stop the others. Results are in input order.
    public func ingest(_ activities: [Activity], autoMatch: Bool, now: String) async throws -> [Result<IngestOutcome, any Error>] {
        try await ingest(ActivityFeed(activities), count: activities.count, autoMatch: autoMatch, now: now)
    }

    /// `ingest(_:autoMatch:now:)` of the activities `feed` hands over while the transaction runs (about `count` of
    /// them): the page is stored as its items are validated. Results are in the feed's order.
    ///
    /// `whileStoring` receives the outcomes as they are made, in order, a batch at a time (before the commit, so a
    /// page that then fails sends them and throws): a caller can write its reply while the page is stored. They are
    /// the outcomes before the page's last reads, which re-read an execution whose analysis a later run on its day
    /// changed; only the returned array has those.
    public func ingest(
        _ feed: ActivityFeed, count: Int, autoMatch: Bool, now: String,
        whileStoring: (@Sendable ([Result<IngestOutcome, any Error>]) -> Void)? = nil
    ) async throws -> [Result<IngestOutcome, any Error>] {
        try await write { db in
            var plans = ActivePlansOfPage()
            let savepoint = ItemSavepoint()
            var results: [Result<IngestOutcome, any Error>] = []
            results.reserveCapacity(count)
            var index = 0
            var sent = 0
            while true {
                // What the producer validated so far; empty once it finished and everything is stored.
                let batch = try feed.take()
                if batch.isEmpty { break }
                for activity in batch {
                    if index % 64 == 0 { try Task.checkCancellation() }
                    index += 1
                    results.append(try Self.ingestItem(activity, autoMatch: autoMatch, now: now, plans: &plans, savepoint: savepoint, db))
                    if let whileStoring, results.count - sent == 128 {
                        whileStoring(Array(results[sent...]))
                        sent = results.count
                    }
                }
            }
            if let whileStoring, results.count > sent { whileStoring(Array(results[sent...])) }
            // A later run of the page may have changed an earlier one's analysis (two runs on one day): re-read those.
            var runsPerDay: [String: Int] = [:]
            for case .success(let outcome) in results {
                if let day = outcome.execution?.plannedDayId { runsPerDay[day, default: 0] += 1 }
            }
            // In place: a page's outcomes are megabytes, and a copy would touch as many fresh pages.
            for index in results.indices {
                guard case .success(var outcome) = results[index], let execution = outcome.execution,
                      let day = execution.plannedDayId, runsPerDay[day, default: 0] > 1 else { continue }
                outcome.execution = try ExecutedDay.fetchOne(db, key: execution.id) ?? execution
                results[index] = .success(outcome)
            }
            return results
        }
    }

    /// One item of a page: its outcome, or its own failure; an error that ended the transaction (disk full, I/O,
    /// an interrupt) is thrown and ends the page.
    private static func ingestItem(
        _ activity: Activity, autoMatch: Bool, now: String, plans: inout ActivePlansOfPage, savepoint: ItemSavepoint, _ db: Database
    ) throws -> Result<IngestOutcome, any Error> {
        do {
            return .success(try ingestOne(activity, autoMatch: autoMatch, now: now, plans: &plans, savepoint: savepoint, db))
        } catch let error as DatabaseError where error.resultCode != .SQLITE_INTERRUPT && db.isInsideTransaction {
            return .failure(error)
        } catch let error as StoreError {
            return .failure(error)
        } catch let error as DecodingError {
            // A stored row that does not decode (a plan day's workout): the item's own failure, after its savepoint
            // took back what it wrote; the rest of the page goes on.
            return .failure(StoreError(undecodable: error))
        } catch let error as RowDecodingError {
            return .failure(StoreError(undecodable: error))
        }
    }

    /// Stores one activity of a page and matches it. A refused item leaves nothing behind: an item that writes one
    /// row (a duplicate, an unmatched activity: most of a history) relies on SQLite undoing a failed statement, and
    /// one that also writes an execution runs in `savepoint`.
    static func ingestOne(
        _ activity: Activity, autoMatch: Bool, now: String, plans: inout ActivePlansOfPage, savepoint: ItemSavepoint, _ db: Database
    ) throws -> IngestOutcome {
        guard let athlete = try plans.athlete(activity.athleteId, db) else {
            throw StoreError.notFound(entity: "athlete", id: activity.athleteId)
        }
        // The plan's days were read once for the page, and a new activity has no execution yet: the decision is
        // known before anything is written.
        let decision: MatchDecision?
        do {
            if autoMatch {
                let active = try plans.activePlan(of: activity.athleteId, db)
                let day = active == nil ? nil : try plans.day(of: activity.athleteId, on: activity.localDate, db)
                decision = ActivityMatching.decide(activity: activity, activePlan: active, plannedDay: day)
            } else {
                decision = nil
            }
        } catch {
            // A plan day that cannot be read (it does not decode) fails a new activity, stored and then undone, as
            // before; a known one is answered as known.
            try savepoint.run(db) {
                if try insertActivityUnlessKnown(activity, db) { throw error }
            }
            return try knownActivity(activity, db)
        }
        guard case .execute(let day)? = decision else {
            guard try insertActivityUnlessKnown(activity, db) else { return try knownActivity(activity, db) }
            let reason: UnmatchedReason
            switch decision {
            case .unmatched(let why)?: reason = why
            default: reason = .autoMatchOff
            }
            return IngestOutcome(activity: activity, created: true, execution: nil, unmatchedReason: reason)
        }
        var outcome: IngestOutcome?
        try savepoint.run(db) {
            guard try insertActivityUnlessKnown(activity, db) else { return }
            let execution = ExecutedDay.hydrated(id: makeIdentifier("exe"), athleteId: activity.athleteId, activityId: activity.id, from: day, createdAt: now)
            try Self.insertExecution(execution, db)
            let analysed = try Self.reanalyzeDay(of: execution, athlete: athlete, activity: activity, db)
            outcome = IngestOutcome(activity: activity, created: true, execution: analysed, unmatchedReason: nil)
        }
        return try outcome ?? knownActivity(activity, db)
    }

    /// The stored activity with the same (athlete, source, external id) as `activity`, and its execution.
    private static func knownActivity(_ activity: Activity, _ db: Database) throws -> IngestOutcome {
        guard let existing = try db.cachedOne(
            Activity.self, "SELECT * FROM athleteActivity WHERE athleteId = ? AND source = ? AND externalId = ?",
            [activity.athleteId, activity.source, activity.externalId]
        ) else {
            throw StoreError.conflict("activity \(activity.externalId) was neither stored nor found")
        }
        let execution = try executionOf(activityId: existing.id, db)
        return IngestOutcome(activity: existing, created: false, execution: execution,
                             unmatchedReason: execution == nil ? .alreadyKnown : nil)
    }

    /// `autoMatchActivityToDay`: (re)matches a stored activity to the planned day on its local date in the athlete's active plan.
    public func matchActivity(id: String, now: String) async throws -> MatchOutcome {
        try await write { db in
            guard let activity = try Activity.fetchOne(db, key: id) else { throw StoreError.notFound(entity: "activity", id: id) }
            return try Self.match(activity, now: now, db)
        }
    }

    static func match(_ activity: Activity, now: String, _ db: Database) throws -> MatchOutcome {
        try match(activity, active: try activePlan(athleteId: activity.athleteId, db), now: now, db)
    }

    static func match(_ activity: Activity, active: PlanWithRace?, now: String, _ db: Database) throws -> MatchOutcome {
        let plannedDay = try active.flatMap { active in try Self.plannedDay(planId: active.plan.id, date: activity.localDate, db) }
        return try match(activity, active: active?.plan, plannedDay: plannedDay, now: now, db)
    }

    /// Matches a stored `activity` to `plannedDay` (the active plan's day on its local date, if any), keeping or
    /// replacing the execution it has.
    static func match(_ activity: Activity, active: TrainingPlan?, plannedDay: PlannedDay?, now: String, _ db: Database) throws -> MatchOutcome {
        switch ActivityMatching.decide(activity: activity, activePlan: active, plannedDay: plannedDay) {
        case .unmatched(let reason):
            // An existing match (e.g. a manual link) stays as it is.
            let existing = try executionOf(activityId: activity.id, db)
            return MatchOutcome(execution: existing, unmatchedReason: existing == nil ? reason : nil)
        case .execute(let day):
            if let existing = try executionOf(activityId: activity.id, db) {
                if existing.plannedDayId == day.id { return MatchOutcome(execution: try Self.reanalyzeDay(of: existing, db), unmatchedReason: nil) }
                try existing.delete(db)
                // The runs left on the day it leaves get their roles and analyses again.
                if let previousDay = existing.plannedDayId,
                   let remaining = try db.cachedOne(ExecutedDay.self, "SELECT * FROM trainingDayExecuted WHERE plannedDayId = ? LIMIT 1", [previousDay]) {
                    _ = try Self.reanalyzeDay(of: remaining, db)
                }
            }
            let execution = ExecutedDay.hydrated(id: makeIdentifier("exe"), athleteId: activity.athleteId, activityId: activity.id, from: day, createdAt: now)
            try Self.insertExecution(execution, db)
            return MatchOutcome(execution: try Self.reanalyzeDay(of: execution, db), unmatchedReason: nil)
        }
    }

    /// Links an activity to a chosen planned day, replacing any match it had.
    public func linkActivity(id: String, plannedDayId: String, now: String) async throws -> ExecutedDay {
        try await write { db in
            guard let activity = try Activity.fetchOne(db, key: id) else { throw StoreError.notFound(entity: "activity", id: id) }
            guard let day = try PlannedDay.fetchOne(db, key: plannedDayId) else { throw StoreError.notFound(entity: "plannedDay", id: plannedDayId) }
            guard let plan = try TrainingPlan.fetchOne(db, key: day.trainingPlanId), plan.athleteId == activity.athleteId else {
                throw StoreError.conflict("planned day \(plannedDayId) belongs to another athlete's plan")
            }
            guard activity.isRun || !day.plannedData.type.isRun else {
                throw StoreError.conflict("a \(activity.sport) activity cannot execute a running workout (\(day.plannedData.type.rawValue))")
            }
            var previousDayExecution: ExecutedDay?
            if let existing = try ExecutedDay.filter(ExecutedDay.Columns.activityId == activity.id).fetchOne(db) {
                try existing.delete(db)
                previousDayExecution = try ExecutedDay.filter(ExecutedDay.Columns.plannedDayId == existing.plannedDayId).fetchOne(db)
            }
            let execution = ExecutedDay.hydrated(id: makeIdentifier("exe"), athleteId: activity.athleteId, activityId: activity.id, from: day, createdAt: now)
            try Self.insertExecution(execution, db)
            if let previousDayExecution { _ = try Self.reanalyzeDay(of: previousDayExecution, db) }
            return try Self.reanalyzeDay(of: execution, db)
        }
    }

    /// Removes an activity's execution (the activity stays); returns the removed execution's id, if any.
    public func unlinkActivity(id: String) async throws -> String? {
        try await write { db in
            guard try Activity.exists(db, key: id) else { throw StoreError.notFound(entity: "activity", id: id) }
            guard let existing = try ExecutedDay.filter(ExecutedDay.Columns.activityId == id).fetchOne(db) else { return nil }
            try existing.delete(db)
            if let remaining = try ExecutedDay.filter(ExecutedDay.Columns.plannedDayId == existing.plannedDayId).fetchOne(db) {
                _ = try Self.reanalyzeDay(of: remaining, db)
            }
            return existing.id
        }
    }

    /// Creates a manual execution: of a planned day (hydrated) and/or of a date, with optional distance and duration.
    public func createManualExecution(_ execution: ExecutedDay, plannedDayId: String?) async throws -> ExecutedDay {
        try await write { db in
            guard try Athlete.exists(db, key: execution.athleteId) else { throw StoreError.notFound(entity: "athlete", id: execution.athleteId) }
            var record = execution
            if let plannedDayId {
                guard let day = try PlannedDay.fetchOne(db, key: plannedDayId) else { throw StoreError.notFound(entity: "plannedDay", id: plannedDayId) }
                guard let plan = try TrainingPlan.fetchOne(db, key: day.trainingPlanId), plan.athleteId == execution.athleteId else {
                    throw StoreError.conflict("planned day \(plannedDayId) belongs to another athlete's plan")
                }
                var hydrated = ExecutedDay.hydrated(id: execution.id, athleteId: execution.athleteId, activityId: nil, from: day, createdAt: execution.createdAt)
                hydrated.manualDistanceMeters = execution.manualDistanceMeters
                hydrated.manualDurationSeconds = execution.manualDurationSeconds
                hydrated.note = execution.note
                record = hydrated
            }
            try Self.insertExecution(record, db)
            return try Self.reanalyzeDay(of: record, db)
        }
    }

    /// Recomputes and stores the analysis of an execution (and of the other runs on its planned day).
    public func analyzeExecution(id: String) async throws -> ExecutedDay {
        try await write { db in
            guard let execution = try ExecutedDay.fetchOne(db, key: id) else { throw StoreError.notFound(entity: "execution", id: id) }
            return try Self.reanalyzeDay(of: execution, db)
        }
    }

    /// An execution by id.
    public func execution(id: String) async throws -> ExecutedDay? {
        try await reader.read { db in try ExecutedDay.fetchOne(db, key: id) }
    }

    /// An activity by id.
    public func activity(id: String) async throws -> Activity? {
        try await reader.read { db in try Activity.fetchOne(db, key: id) }
    }

    /// The athlete's executions between two dates inclusive, by date, then `createdAt`, then id (every one: for reports).
    public func executions(athleteId: String, from: CalendarDate?, to: CalendarDate?) async throws -> [ExecutedDay] {
        try await reader.read { db in
            var request = ExecutedDay.filter(ExecutedDay.Columns.athleteId == athleteId)
            if let from { request = request.filter(ExecutedDay.Columns.date >= from.description) }
            if let to { request = request.filter(ExecutedDay.Columns.date <= to.description) }
            return try request.order(ExecutedDay.Columns.date, ExecutedDay.Columns.createdAt, ExecutedDay.Columns.id).fetchAll(db)
        }
    }

    /// One page of the athlete's executions between two dates inclusive, by date, then `createdAt`, then id; `after`
    /// must be an execution of this athlete (it may lie outside the dates: the page starts after its place).
    public func executions(athleteId: String, from: CalendarDate?, to: CalendarDate?, page: Page) async throws -> [ExecutedDay] {
        try await reader.read { db in
            var request = ExecutedDay.filter(ExecutedDay.Columns.athleteId == athleteId)
            if let from { request = request.filter(ExecutedDay.Columns.date >= from.description) }
            if let to { request = request.filter(ExecutedDay.Columns.date <= to.description) }
            if let after = page.after {
                guard let cursor = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT date, createdAt, id FROM trainingDayExecuted WHERE id = ? AND athleteId = ?"), arguments: [after, athleteId]
                ) else {
                    throw UnknownPageCursor(entity: "execution", id: after)
                }
                let key: [any DatabaseValueConvertible] = [cursor["date"] as String, cursor["createdAt"] as String, cursor["id"] as String]
                request = request.filter(sql: "(date, createdAt, id) > (?, ?, ?)", arguments: StatementArguments(key))
            }
            return try request.order(ExecutedDay.Columns.date, ExecutedDay.Columns.createdAt, ExecutedDay.Columns.id).limit(page.limit).fetchAll(db)
        }
    }

    /// The execution of an activity, if any.
    static func executionOf(activityId: String, _ db: Database) throws -> ExecutedDay? {
        try db.cachedOne(ExecutedDay.self, "SELECT * FROM trainingDayExecuted WHERE activityId = ?", [activityId])
    }

    /// Analyses every execution of the planned day `execution` belongs to (`DayAnalysis` decides the main entry and
    /// the extras) and stores the analyses. Returns `execution` as stored afterwards.
    ///
    /// A sync page passes what it holds: the `athlete` (read once per page) and the `activity` it has just stored,
    /// which are then not read again (a matched run would otherwise decode both from their rows).
    static func reanalyzeDay(of execution: ExecutedDay, athlete known: Athlete? = nil, activity stored: Activity? = nil, _ db: Database) throws -> ExecutedDay {
        let athlete = try known ?? db.cachedOne(Athlete.self, "SELECT * FROM athlete WHERE id = ?", [execution.athleteId])
        let maxHeartRate = athlete?.maxHeartRate
        let loads = TrainingLoadCalculator(thresholds: athlete.map(LoadThresholds.init) ?? LoadThresholds(thresholdSpeedMetersPerSecond: nil, thresholdHeartRate: nil))
        let siblings: [ExecutedDay]
        if let plannedDayId = execution.plannedDayId,
           try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM trainingDayExecuted WHERE plannedDayId = ?"), arguments: [plannedDayId]) != [execution.id] {
            siblings = try db.cachedAll(ExecutedDay.self, "SELECT * FROM trainingDayExecuted WHERE plannedDayId = ? ORDER BY createdAt, rowid", [plannedDayId])
        } else {
            siblings = [execution]
        }
        let activityIds = siblings.compactMap(\.activityId)
        let activities: [Activity]
        if activityIds.count == 1, let stored, stored.id == activityIds[0] {
            activities = [stored]
        } else if activityIds.count == 1 {
            activities = try db.cachedAll(Activity.self, "SELECT * FROM athleteActivity WHERE id = ?", [activityIds[0]])
        } else {
            activities = try Activity.filter(keys: activityIds).fetchAll(db)
        }
        let byId = Dictionary(uniqueKeysWithValues: activities.map { ($0.id, $0) })
        let entries = siblings.map { sibling in
            if let id = sibling.activityId {
                let activity = byId[id]
                return DayEntry(
                    executionId: sibling.id, actual: activity.map(ActualWorkout.init) ?? ActualWorkout(distanceMeters: 0, durationSeconds: 0),
                    sport: activity?.sport ?? "other", countsAsRunning: activity?.isRun ?? false,
                    trainingLoad: activity.map { $0.trainingLoad ?? loads.load(of: $0) }
                )
            }
            let manual = ActualWorkout(manualDistanceMeters: sibling.manualDistanceMeters, manualDurationSeconds: sibling.manualDurationSeconds, planned: sibling.plannedData)
            return DayEntry(
                executionId: sibling.id, actual: manual, sport: nil, countsAsRunning: true,
                trainingLoad: loads.load(distanceMeters: manual.distanceMeters, movingSeconds: manual.durationSeconds, averageHeartRate: nil)
            )
        }
        let analyses = DayAnalysis.analyze(entries: entries, planned: execution.plannedData, maxHeartRate: maxHeartRate, restingHeartRate: athlete?.restingHeartRate)
        var result = execution
        for var sibling in siblings {
            sibling.analysis = analyses[sibling.id]
            try db.cachedStatement(sql: "UPDATE trainingDayExecuted SET analysis = ? WHERE id = ?")
                .execute(binding: sibling.analysis.map(JSONColumn.text), sibling.id)
            if sibling.id == execution.id { result = sibling }
        }
        return result
    }
}

extension AppDatabase {
    /// Inserts an activity with one prepared statement, its values bound directly (laps and samples through
    /// `JSONColumn`), unless one with the same (athlete, source, external id) is stored: then nothing is written and
    /// the answer is false. The unique index decides, so a page needs no lookup before each insert.
    static func insertActivityUnlessKnown(_ activity: Activity, _ db: Database) throws -> Bool {
        try db.cachedStatement(sql: """
            INSERT INTO athleteActivity (id, athleteId, source, externalId, sport, startTime, startEpochSeconds, utcOffsetSeconds, localDate,
                elapsedSeconds, movingSeconds, distanceMeters, averageHeartRate, maxHeartRate, elevationGainMeters, laps, heartRateSamples, createdAt,
                trainingLoad)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (athleteId, source, externalId) DO NOTHING
            """).execute(binding:
                activity.id, activity.athleteId, activity.source, activity.externalId, activity.sport, activity.startTime,
                activity.startEpochSeconds, activity.utcOffsetSeconds, activity.localDate.description, activity.elapsedSeconds,
                activity.movingSeconds, activity.distanceMeters, activity.averageHeartRate, activity.maxHeartRate,
                activity.elevationGainMeters, try JSONColumn.text(activity.laps), try JSONColumn.text(activity.heartRateSamples), activity.createdAt,
                activity.trainingLoad.map { JSONColumn.text($0) }
            )
        return db.changesCount > 0
    }

    /// Inserts an executed day with one prepared statement; the snapshot goes through `JSONColumn`.
    static func insertExecution(_ execution: ExecutedDay, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO trainingDayExecuted (id, athleteId, activityId, plannedDayId, weekIndex, dayIndex, date, plannedData, analysis,
                manualDistanceMeters, manualDurationSeconds, note, createdAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(binding:
                execution.id, execution.athleteId, execution.activityId, execution.plannedDayId, execution.weekIndex, execution.dayIndex,
                execution.date.description, execution.plannedData.map(JSONColumn.text),
                execution.analysis.map(JSONColumn.text),
                execution.manualDistanceMeters, execution.manualDurationSeconds, execution.note, execution.createdAt
            )
    }
}

extension AppDatabase {
    /// Week-by-week progress of a plan as of `today`.
    public func planProgress(planId: String, today: CalendarDate) async throws -> [WeekProgress] {
        try await reader.read { db in
            guard let plan = try TrainingPlan.fetchOne(db, key: planId) else { throw StoreError.notFound(entity: "plan", id: planId) }
            let days = try PlannedDay.filter(PlannedDay.Columns.trainingPlanId == planId).fetchAll(db)
            guard let first = days.map(\.date).min(), let last = days.map(\.date).max() else { return [] }
            let executions = try ExecutedDay.fetchAll(db, sql: """
                SELECT trainingDayExecuted.* FROM trainingDayExecuted
                JOIN trainingDayPlanned ON trainingDayPlanned.id = trainingDayExecuted.plannedDayId
                WHERE trainingDayPlanned.trainingPlanId = ?
                UNION ALL
                SELECT * FROM trainingDayExecuted
                WHERE athleteId = ? AND plannedDayId IS NULL AND date BETWEEN ? AND ?
                """, arguments: [planId, plan.athleteId, first.description, last.description])
            let activities = try Activity.filter(keys: executions.compactMap(\.activityId)).fetchAll(db)
            let byId = Dictionary(uniqueKeysWithValues: activities.map { ($0.id, $0) })
            let athlete = try Athlete.fetchOne(db, key: plan.athleteId)
            let thresholds = athlete.map(LoadThresholds.init) ?? LoadThresholds(thresholdSpeedMetersPerSecond: nil, thresholdHeartRate: nil)
            let planned = PlannedLoadCalculator(thresholds: thresholds)
            let actual = TrainingLoadCalculator(thresholds: thresholds)
            func actualOf(_ execution: ExecutedDay) -> ActualWorkout {
                if let id = execution.activityId, let activity = byId[id] { return ActualWorkout(activity) }
                return ActualWorkout(manualDistanceMeters: execution.manualDistanceMeters, manualDurationSeconds: execution.manualDurationSeconds, planned: execution.plannedData)
            }
            return PlanProgress.weeks(
                days: days, executions: executions, today: today, actualOf: actualOf,
                loadOf: { execution in
                    if let id = execution.activityId {
                        guard let activity = byId[id], activity.isRun else { return 0 }
                        return (activity.trainingLoad ?? actual.load(of: activity)).value
                    }
                    let manual = actualOf(execution)
                    return actual.load(distanceMeters: manual.distanceMeters, movingSeconds: manual.durationSeconds, averageHeartRate: nil).value
                },
                plannedLoadOf: { planned.load(of: $0).value }
            )
        }
    }
}

/// What one sync page needs about its athletes, read once per page instead of once per activity: each athlete's
/// record, its active plan, and the plan's days by date, each decoded when an activity first falls on it.
struct ActivePlansOfPage {
    /// An active plan and its days, keyed by `YYYY-MM-DD`.
    private final class Plan {
        let plan: TrainingPlan
        /// Every day's row, read at once; a row is decoded only when an activity falls on its date, since most
        /// dates of a history have no day and a one-activity page needs one day, not 126 (~35 million instructions
        /// of `Codable` for an 18-week plan).
        let rows: [CalendarDate: Row]
        var decoded: [CalendarDate: PlannedDay] = [:]

        init(plan: TrainingPlan, rows: [CalendarDate: Row]) {
            self.plan = plan
            self.rows = rows
        }
    }

    private var athletes: [String: Athlete] = [:]
    private var plans: [String: Plan?] = [:]

    /// The athlete, read once per page; nil when there is none.
    mutating func athlete(_ id: String, _ db: Database) throws -> Athlete? {
        if let known = athletes[id] { return known }
        guard let athlete = try db.cachedOne(Athlete.self, "SELECT * FROM athlete WHERE id = ?", [id]) else { return nil }
        athletes[id] = athlete
        return athlete
    }

    /// The athlete's active plan, read once per page; nil when there is none.
    mutating func activePlan(of athleteId: String, _ db: Database) throws -> TrainingPlan? {
        try loadPlan(of: athleteId, db)?.plan
    }

    /// The day of the athlete's active plan on `date`, or nil. A day that does not decode throws, for the
    /// activities on that date only.
    mutating func day(of athleteId: String, on date: CalendarDate, _ db: Database) throws -> PlannedDay? {
        guard let plan = try loadPlan(of: athleteId, db) else { return nil }
        if let known = plan.decoded[date] { return known }
        guard let row = plan.rows[date] else { return nil }
        let day = try PlannedDay(row: row)
        plan.decoded[date] = day
        return day
    }

    private mutating func loadPlan(of athleteId: String, _ db: Database) throws -> Plan? {
        if let known = plans[athleteId] { return known }
        let plan = try AppDatabase.activePlan(athleteId: athleteId, db).map { active in
            let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM trainingDayPlanned WHERE trainingPlanId = ?"),
                                        arguments: [active.plan.id])
            // Keyed by date, parsed once per day, so an activity's lookup hashes a number, not a formatted text.
            let byDate = rows.compactMap { row in CalendarDate(row["date"] as String).map { ($0, row) } }
            return Plan(plan: active.plan, rows: Dictionary(byDate, uniquingKeysWith: { first, _ in first }))
        }
        plans[athleteId] = .some(plan)
        return plan
    }
}

/// One savepoint per item of a page through cached statements (`Database.inSavepoint` compiles its SQL each time):
/// an item that fails is rolled back alone and the page goes on.
struct ItemSavepoint {
    /// Runs `body` inside the savepoint: released when it returns, rolled back (and released) when it throws.
    func run(_ db: Database, _ body: () throws -> Void) throws {
        try db.cachedStatement(sql: "SAVEPOINT item").execute()
        do {
            try body()
        } catch {
            // An error that ended the whole transaction (disk full, I/O) took the savepoint with it: it is the error.
            guard db.isInsideTransaction else { throw error }
            try db.cachedStatement(sql: "ROLLBACK TRANSACTION TO SAVEPOINT item").execute()
            try db.cachedStatement(sql: "RELEASE SAVEPOINT item").execute()
            throw error
        }
        try db.cachedStatement(sql: "RELEASE SAVEPOINT item").execute()
    }
}
