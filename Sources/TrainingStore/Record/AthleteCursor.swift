import GRDB
import TrainingDomain

/// The athletes of a statement that selects the athlete columns in `AthleteCursor.columns` order, decoded by
/// position straight from the statement: no `Row`, no lookups by name (`athlete.get` is the hottest read).
final class AthleteCursor: DatabaseCursor {
    typealias Element = Athlete

    /// The select list the statement must have.
    static let columns = """
        id, name, email, timeZone, fiveKTimeSeconds, maxHeartRate, restingHeartRate,
        thresholdPaceSecondsPerKm, thresholdHeartRate, createdAt, updatedAt
        """

    let _statement: Statement
    var _isDone = false

    /// Binds `arguments` (resetting the statement) for immediate iteration; private, so every use steps it to its
    /// end (`fetchOne`) and none leaves it holding a read transaction.
    private init(statement: Statement, arguments: StatementArguments) throws {
        _statement = statement
        try statement.setArguments(arguments)
    }

    /// The one athlete a key lookup finds, or nil. The statement is stepped to its end, so it does not keep a read
    /// transaction (and an old WAL snapshot) open until its next use.
    static func fetchOne(_ statement: Statement, arguments: StatementArguments) throws -> Athlete? {
        let cursor = try AthleteCursor(statement: statement, arguments: arguments)
        guard let athlete = try cursor.next() else { return nil }
        _ = try cursor.next()
        return athlete
    }

    func _element(sqliteStatement: SQLiteStatement) throws -> Athlete {
        func text(_ index: CInt) -> String { String(sqliteStatement: sqliteStatement, index: index) }
        func value(_ index: CInt) -> DatabaseValue { DatabaseValue(sqliteStatement: sqliteStatement, index: index) }
        return Athlete(
            id: text(0), name: text(1), email: String.fromDatabaseValue(value(2)), timeZone: text(3),
            fiveKTimeSeconds: Double.fromDatabaseValue(value(4)), maxHeartRate: Int.fromDatabaseValue(value(5)),
            restingHeartRate: Int.fromDatabaseValue(value(6)), thresholdPaceSecondsPerKm: Double.fromDatabaseValue(value(7)),
            thresholdHeartRate: Int.fromDatabaseValue(value(8)), createdAt: text(9), updatedAt: text(10)
        )
    }
}
