import GRDB
import TrainingDomain

extension AppDatabase {
    /// Inserts a new race; a duplicate id is a conflict.
    public func insertRace(_ race: Race) async throws -> Race {
        try await writer.write { db in
            guard try !Race.exists(db, key: race.id) else { throw StoreError.conflict("a race with id \"\(race.id)\" already exists") }
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
        try await reader.read { db in try Race.order(Column("date"), Column("name"), Column("id")).fetchAll(db) }
    }
}
