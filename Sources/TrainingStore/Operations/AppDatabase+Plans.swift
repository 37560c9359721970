import GRDB
import TrainingDomain

extension AppDatabase {
    /// The plan with `id`, or nil.
    public func plan(id: String) async throws -> TrainingPlan? {
        try await reader.read { db in try TrainingPlan.fetchOne(db, key: id) }
    }

    /// One page of the athlete's plans, newest first (by `createdAt`, then by the order they were stored); `after`
    /// must be a plan of this athlete.
    public func plans(athleteId: String, page: Page = Page()) async throws -> [TrainingPlan] {
        try await reader.read { db in
            guard let after = page.after else {
                return try db.cachedAll(TrainingPlan.self, """
                    SELECT * FROM trainingPlan WHERE athleteId = ? ORDER BY createdAt DESC, rowid DESC LIMIT ?
                    """, [athleteId, page.limit])
            }
            guard let cursor = try Row.fetchOne(db.cachedStatement(sql: "SELECT createdAt, rowid FROM trainingPlan WHERE id = ? AND athleteId = ?"),
                                                arguments: [after, athleteId]) else {
                throw UnknownPageCursor(entity: "plan", id: after)
            }
            return try db.cachedAll(TrainingPlan.self, """
                SELECT * FROM trainingPlan WHERE athleteId = ? AND (createdAt, rowid) < (?, ?)
                ORDER BY createdAt DESC, rowid DESC LIMIT ?
                """, [athleteId, cursor["createdAt"] as String, cursor["rowid"] as Int64, page.limit])
        }
    }
}
