import GRDB
import TrainingDomain

// The domain's value types are the records: column names come from their coding keys,
// JSON columns (`plannedData`, `analysis`, `laps`, `preferredDays`) are typed values GRDB encodes.

extension CalendarDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CalendarDate? {
        String.fromDatabaseValue(dbValue).flatMap(CalendarDate.init)
    }
}

extension Athlete: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "athlete" }

    /// Reads a row by column name without the generic `Decodable` machinery (`athlete.get` is a hot path).
    public init(row: Row) throws {
        self.init(
            id: row["id"], name: row["name"], email: row["email"], timeZone: row["timeZone"],
            fiveKTimeSeconds: row["fiveKTimeSeconds"], maxHeartRate: row["maxHeartRate"], restingHeartRate: row["restingHeartRate"],
            createdAt: row["createdAt"], updatedAt: row["updatedAt"]
        )
    }
}

extension Race: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "race" }
}

extension TrainingPlan: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "trainingPlan" }
}

extension PlannedDay: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "trainingDayPlanned" }
}

extension ExecutedDay: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "trainingDayExecuted" }
}

extension Activity: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "athleteActivity" }
}

/// A row of the plan ↔ race junction.
struct RaceTrainingPlanRecord: Codable, FetchableRecord, PersistableRecord {
    static var databaseTableName: String { "raceTrainingPlan" }
    var id: Int64?
    var trainingPlanId: String
    var raceId: String
    var linkedAt: String
}

/// A row of the athlete ↔ plan junction: `assignedAt` only.
struct AthleteTrainingPlanRecord: Codable, FetchableRecord, PersistableRecord {
    static var databaseTableName: String { "athleteTrainingPlan" }
    var id: Int64?
    var athleteId: String
    var trainingPlanId: String
    var assignedAt: String
}
