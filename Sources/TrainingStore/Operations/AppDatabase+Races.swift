import GRDB
import TrainingDomain

extension AppDatabase {
    /// Inserts a new race. Creating again with the same id and the same fields returns the stored record;
    /// the same id with other fields is a conflict.
    public func insertRace(_ race: Race) async throws -> Race {
        try await write { db in
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

    /// The race with `id`, or nil: one cached statement on the calling thread (``inlineRead(_:)``), as for athletes.
    public func race(id: String) async throws -> Race? {
        try Task.checkCancellation()
        return try inlineRead { db in try db.cachedOne(Race.self, "SELECT * FROM race WHERE id = ?", [id]) }
    }

    /// One page of races by date, then name, then id.
    public func races(page: Page = Page()) async throws -> [Race] {
        try await reader.read { db in
            guard let after = page.after else {
                return try db.cachedAll(Race.self, "SELECT * FROM race ORDER BY date, name, id LIMIT ?", [page.limit])
            }
            guard let cursor = try Row.fetchOne(db.cachedStatement(sql: "SELECT date, name, id FROM race WHERE id = ?"), arguments: [after]) else {
                throw UnknownPageCursor(entity: "race", id: after)
            }
            return try db.cachedAll(Race.self, "SELECT * FROM race WHERE (date, name, id) > (?, ?, ?) ORDER BY date, name, id LIMIT ?",
                                    [cursor["date"] as String, cursor["name"] as String, cursor["id"] as String, page.limit])
        }
    }
}
