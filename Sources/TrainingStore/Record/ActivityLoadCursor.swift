import GRDB
import GRDBSQLite
import TrainingDomain

/// The activity loads of a statement that selects `ActivityLoadCursor.columns`, decoded by position straight from
/// the statement: no `Row` and no lookups by name, which took most of a year of `athlete.fitness` over thousands of
/// activities (six lookups a row).
final class ActivityLoadCursor: DatabaseCursor {
    typealias Element = ActivityLoadRow

    /// The select list the statement must have; the load's two fields are read by SQLite's `json_extract`, so no
    /// JSON is decoded per row.
    static let columns = """
        id, localDate, sport, distanceMeters,
        json_extract(trainingLoad, '$.value') AS loadValue, json_extract(trainingLoad, '$.method') AS loadMethod
        """

    let _statement: Statement
    var _isDone = false

    /// Binds `arguments` (resetting the statement); private, so every use reads it to its end (`fetchAll`) and
    /// none leaves it holding a read transaction.
    private init(statement: Statement, arguments: StatementArguments) throws {
        _statement = statement
        try statement.setArguments(arguments)
    }

    /// Every row of the statement.
    static func fetchAll(_ statement: Statement, arguments: StatementArguments) throws -> [ActivityLoadRow] {
        try Array(ActivityLoadCursor(statement: statement, arguments: arguments))
    }

    func _element(sqliteStatement: SQLiteStatement) throws -> ActivityLoadRow {
        let localDate = String(sqliteStatement: sqliteStatement, index: 1)
        guard let date = CalendarDate(localDate) else {
            throw DatabaseError(resultCode: .SQLITE_MISMATCH, message: "an activity's localDate is not YYYY-MM-DD")
        }
        var load: TrainingLoad?
        let valueType = sqlite3_column_type(sqliteStatement, 4)
        if valueType == SQLITE_INTEGER || valueType == SQLITE_FLOAT, sqlite3_column_type(sqliteStatement, 5) == SQLITE_TEXT,
           let method = LoadMethod(rawValue: String(sqliteStatement: sqliteStatement, index: 5)) {
            load = TrainingLoad(value: sqlite3_column_double(sqliteStatement, 4), method: method)
        }
        return ActivityLoadRow(
            activityId: String(sqliteStatement: sqliteStatement, index: 0), localDate: date,
            sport: String(sqliteStatement: sqliteStatement, index: 2), trainingLoad: load,
            distanceMeters: sqlite3_column_double(sqliteStatement, 3)
        )
    }
}
