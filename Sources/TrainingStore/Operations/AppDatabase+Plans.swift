import GRDB
import TrainingDomain

extension AppDatabase {
    /// The plan with `id`, or nil.
    public func plan(id: String) async throws -> TrainingPlan? {
        try await reader.read { db in try TrainingPlan.fetchOne(db, key: id) }
    }

    /// The athlete's plans, newest first.
    public func plans(athleteId: String) async throws -> [TrainingPlan] {
        try await reader.read { db in
            try TrainingPlan.filter(TrainingPlan.Columns.athleteId == athleteId)
                .order(TrainingPlan.Columns.createdAt.desc, Column.rowID.desc).fetchAll(db)
        }
    }
}
