import GRDB
import TrainingDomain

extension AppDatabase {
    /// Inserts a new race. Creating again with the same id and the same fields returns the stored record;
    /// the same id with other fields is a conflict.
    public func insertRace(_ race: Race) async throws -> Race {
        try await writer.write { db in
            if let existing = try Race.fetchOne(db, key: race.id) {
                var comparable = race
                comparable.createdAt = existing.createdAt
                guard comparable == existing else { throw StoreError.conflict("a race with id \"\(race.id)\" already exists with other fields") }
                return existing
            }
            try race.insert(db)
            return race
        }
    }

    /// The race with `id`, or nil.
    public func race(id: String) async throws -> Race? {
        try await reader.read { db in try Race.fetchOne(db, key: id) }
    }

    /// All races by date.
    public func races() async throws -> [Race] {
        try await reader.read { db in try Race.order(Race.Columns.date, Race.Columns.name, Race.Columns.id).fetchAll(db) }
    }
}
