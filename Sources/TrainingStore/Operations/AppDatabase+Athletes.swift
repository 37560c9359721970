import GRDB
import TrainingDomain

extension AppDatabase {
    /// Inserts a new athlete. Creating again with the same id and the same fields returns the stored record
    /// (scripts can re-run); the same id with other fields is a conflict.
    public func insertAthlete(_ athlete: Athlete) async throws -> Athlete {
        try await write { db in
            if let existing = try Athlete.fetchOne(db, key: athlete.id) {
                var comparable = athlete
                comparable.createdAt = existing.createdAt
                comparable.updatedAt = existing.updatedAt
                guard comparable == existing else { throw StoreError.conflict("an athlete with id \"\(athlete.id)\" already exists with other fields") }
                return existing
            }
            try athlete.insert(db)
            return athlete
        }
    }

    /// The athlete with `id`, or nil.
    public func athlete(id: String) async throws -> Athlete? {
        try Task.checkCancellation()
        return try athleteNow(id: id)
    }

    /// The athlete with `id`, read on the calling thread (one cached statement, no hop): for inline reads.
    public func athleteNow(id: String) throws -> Athlete? {
        try inlineRead { db in
            let statement = try db.cachedStatement(sql: "SELECT \(AthleteCursor.columns) FROM athlete WHERE id = ?")
            return try AthleteCursor.fetchOne(statement, arguments: [id])
        }
    }

    /// Applies `change` to the athlete with `id` in one transaction and returns the result.
    public func updateAthlete(id: String, _ change: @escaping @Sendable (inout Athlete) throws -> Void) async throws -> Athlete {
        try await write { db in
            guard var athlete = try Athlete.fetchOne(db, key: id) else { throw StoreError.notFound(entity: "athlete", id: id) }
            try change(&athlete)
            try athlete.update(db)
            return athlete
        }
    }

    /// One page of athletes by name, then id.
    public func athletes(page: Page = Page()) async throws -> [Athlete] {
        try await reader.read { db in
            guard let after = page.after else {
                return try db.cachedAll(Athlete.self, "SELECT * FROM athlete ORDER BY name, id LIMIT ?", [page.limit])
            }
            guard let cursor = try Row.fetchOne(db.cachedStatement(sql: "SELECT name, id FROM athlete WHERE id = ?"), arguments: [after]) else {
                throw UnknownPageCursor(entity: "athlete", id: after)
            }
            return try db.cachedAll(Athlete.self, "SELECT * FROM athlete WHERE (name, id) > (?, ?) ORDER BY name, id LIMIT ?",
                                    [cursor["name"] as String, cursor["id"] as String, page.limit])
        }
    }
}
