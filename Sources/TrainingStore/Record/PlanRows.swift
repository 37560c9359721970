import GRDB
import TrainingDomain

/// The rows `savePlan` writes around a plan's days, each with one cached statement and its values bound directly.
///
/// A record's `insert` or `update` encodes the value through `Codable` and builds its statement's arguments: some
/// 50 µs a row, and five of them stood on the path of every `plan.generate`.
enum PlanRows {
    /// Inserts `race`.
    static func insert(_ race: Race, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO race (id, name, date, distanceMeters, location, createdAt) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(binding: race.id, race.name, race.date.description, race.distanceMeters, race.location, race.createdAt)
    }

    /// Inserts `plan`.
    static func insert(_ plan: TrainingPlan, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO trainingPlan (id, athleteId, name, goalTimeSeconds, startDate, status, preferredDays, weekCount, createdAt, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(binding:
                plan.id, plan.athleteId, plan.name, plan.goalTimeSeconds, plan.startDate.description, plan.status.rawValue,
                JSONColumn.text(plan.preferredDays), plan.weekCount, plan.createdAt, plan.updatedAt
            )
    }

    /// Updates every column of the stored plan `plan.id`.
    static func update(_ plan: TrainingPlan, _ db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE trainingPlan SET athleteId = ?, name = ?, goalTimeSeconds = ?, startDate = ?, status = ?, preferredDays = ?,
                weekCount = ?, createdAt = ?, updatedAt = ? WHERE id = ?
            """).execute(binding:
                plan.athleteId, plan.name, plan.goalTimeSeconds, plan.startDate.description, plan.status.rawValue,
                JSONColumn.text(plan.preferredDays), plan.weekCount, plan.createdAt, plan.updatedAt, plan.id
            )
        guard db.changesCount == 1 else { throw StoreError.notFound(entity: "plan", id: plan.id) }
    }

    /// Links plan `planId` to race `raceId` (`raceTrainingPlan`) and assigns it to athlete `athleteId`
    /// (`athleteTrainingPlan`), both at `time`.
    static func link(planId: String, raceId: String, athleteId: String, at time: String, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO raceTrainingPlan (trainingPlanId, raceId, linkedAt) VALUES (?, ?, ?)")
            .execute(binding: planId, raceId, time)
        try db.cachedStatement(sql: "INSERT INTO athleteTrainingPlan (athleteId, trainingPlanId, assignedAt) VALUES (?, ?, ?)")
            .execute(binding: athleteId, planId, time)
    }

    /// Makes generation revision 1 of plan `planId`, with its `dayCount` days, at `time` (a draft filled again
    /// starts over).
    static func startRevisions(planId: String, dayCount: Int, at time: String, _ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM trainingPlanRevision WHERE trainingPlanId = ?").execute(binding: planId)
        try db.cachedStatement(sql: """
            INSERT INTO trainingPlanRevision (trainingPlanId, revision, kind, reason, changedDays, createdAt) VALUES (?, 1, 'generate', NULL, ?, ?)
            """).execute(binding: planId, dayCount, time)
    }
}
