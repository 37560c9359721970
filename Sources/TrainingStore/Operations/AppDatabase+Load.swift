import Foundation
import GRDB
import TrainingDomain

/// The stored load of one activity, as the fitness series reads it.
public struct ActivityLoadRow: Sendable, Hashable {
    /// The activity's id.
    public var activityId: String
    /// Its local date.
    public var localDate: CalendarDate
    /// Its sport (the series counts running only).
    public var sport: String
    /// The stored load; nil for an activity stored before loads existed.
    public var trainingLoad: TrainingLoad?
    /// The distance in metres.
    public var distanceMeters: Double
}

/// What `athlete.predict` reads: recent activities and which of them executed a race day.
public struct RecentActivities: Sendable {
    /// Activities of the window, newest first.
    public var activities: [Activity]
    /// Ids of those whose execution's planned workout was the race.
    public var raceDayActivityIds: Set<String>
}

extension AppDatabase {
    /// Applies `change` to the athlete in one transaction; when `loadOf` gives a calculator for the new athlete (its
    /// threshold inputs changed), every activity's load and every execution's analysis load is recomputed in the same
    /// transaction, so nothing goes stale.
    public func updateAthlete(
        id: String, _ change: @escaping @Sendable (inout Athlete) throws -> Void,
        recomputingLoadsWith loadOf: @escaping @Sendable (_ before: Athlete, _ after: Athlete) -> TrainingLoadCalculator?
    ) async throws -> Athlete {
        try await write { db in
            guard var athlete = try Athlete.fetchOne(db, key: id) else { throw StoreError.notFound(entity: "athlete", id: id) }
            let before = athlete
            try change(&athlete)
            try athlete.update(db)
            if let calculator = loadOf(before, athlete) { try Self.recomputeLoads(athleteId: id, calculator, db) }
            return athlete
        }
    }

    static func recomputeLoads(athleteId: String, _ calculator: TrainingLoadCalculator, _ db: Database) throws {
        var loads: [String: TrainingLoad] = [:]
        let update = try db.makeStatement(sql: "UPDATE athleteActivity SET trainingLoad = ? WHERE id = ?")
        let cursor = try Activity.filter(Activity.Columns.athleteId == athleteId).fetchCursor(db)
        while let activity = try cursor.next() {
            let load = calculator.load(of: activity)
            loads[activity.id] = load
            try update.execute(arguments: [JSONColumn.text(load), activity.id])
        }
        let patch = try db.makeStatement(sql: "UPDATE trainingDayExecuted SET analysis = ? WHERE id = ?")
        for execution in try ExecutedDay.filter(ExecutedDay.Columns.athleteId == athleteId).fetchAll(db) {
            guard var analysis = execution.analysis else { continue }
            if let activityId = execution.activityId {
                analysis.trainingLoad = loads[activityId]
            } else {
                let manual = ActualWorkout(manualDistanceMeters: execution.manualDistanceMeters, manualDurationSeconds: execution.manualDurationSeconds, planned: execution.plannedData)
                analysis.trainingLoad = calculator.load(distanceMeters: manual.distanceMeters, movingSeconds: manual.durationSeconds, averageHeartRate: nil)
            }
            try patch.execute(arguments: [JSONColumn.text(analysis), execution.id])
        }
    }

    /// The stored loads of the athlete's activities up to `through` (local dates), oldest first.
    public func activityLoads(athleteId: String, through: CalendarDate) async throws -> [ActivityLoadRow] {
        try await reader.read { db in
            try ActivityLoadCursor.fetchAll(db.cachedStatement(sql: """
                SELECT \(ActivityLoadCursor.columns)
                FROM athleteActivity WHERE athleteId = ? AND localDate <= ? ORDER BY localDate
                """), arguments: [athleteId, through.description])
        }
    }

    /// Activities by id (for loads that were never stored).
    public func activities(ids: [String]) async throws -> [Activity] {
        try await reader.read { db in try Activity.filter(keys: ids).fetchAll(db) }
    }

    /// The athlete's activities from `from` to `to` (local dates), and which executed a race day.
    public func recentActivities(athleteId: String, from: CalendarDate, to: CalendarDate) async throws -> RecentActivities {
        try await reader.read { db in
            let activities = try Activity
                .filter(Activity.Columns.athleteId == athleteId && Activity.Columns.localDate >= from.description && Activity.Columns.localDate <= to.description)
                .order(Activity.Columns.localDate.desc).fetchAll(db)
            let executions = try ExecutedDay.filter(ExecutedDay.Columns.athleteId == athleteId && ExecutedDay.Columns.date >= from.description).fetchAll(db)
            let raceDays = Set(executions.filter { $0.plannedData?.type == .race }.compactMap(\.activityId))
            return RecentActivities(activities: activities, raceDayActivityIds: raceDays)
        }
    }
}
