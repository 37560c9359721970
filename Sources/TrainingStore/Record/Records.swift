import Foundation
import GRDB
import TrainingDomain

// The domain's value types are the records: column names come from their coding keys and are named once, in each
// record's `Columns`; JSON columns (`plannedData`, `analysis`, `laps`, `preferredDays`) are typed values written by
// `JSONColumn`, the store's one JSON encoder.

extension CalendarDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CalendarDate? {
        String.fromDatabaseValue(dbValue).flatMap(CalendarDate.init)
    }
}

extension Athlete: FetchableRecord, PersistableRecord {
    /// The columns the store filters and orders by.
    public enum Columns {
        public static let id = Column("id")
        public static let name = Column("name")
        public static let createdAt = Column("createdAt")
    }

    public static func databaseJSONEncoder(for column: String) -> JSONEncoder { JSONColumn.encoder }

    public static var databaseTableName: String { "athlete" }

    /// Reads a row by column name without the generic `Decodable` machinery (`athlete.get` is a hot path).
    public init(row: Row) throws {
        self.init(
            id: row["id"], name: row["name"], email: row["email"], timeZone: row["timeZone"],
            fiveKTimeSeconds: row["fiveKTimeSeconds"], maxHeartRate: row["maxHeartRate"], restingHeartRate: row["restingHeartRate"],
            thresholdPaceSecondsPerKm: row["thresholdPaceSecondsPerKm"], thresholdHeartRate: row["thresholdHeartRate"],
            createdAt: row["createdAt"], updatedAt: row["updatedAt"]
        )
    }
}

extension Race: FetchableRecord, PersistableRecord {
    /// The columns the store filters and orders by.
    public enum Columns {
        public static let id = Column("id")
        public static let name = Column("name")
        public static let date = Column("date")
    }

    public static func databaseJSONEncoder(for column: String) -> JSONEncoder { JSONColumn.encoder }

    public static var databaseTableName: String { "race" }
}

extension TrainingPlan: FetchableRecord, PersistableRecord {
    /// The columns the store filters and orders by.
    public enum Columns {
        public static let id = Column("id")
        public static let athleteId = Column("athleteId")
        public static let createdAt = Column("createdAt")
    }

    public static func databaseJSONEncoder(for column: String) -> JSONEncoder { JSONColumn.encoder }

    public static var databaseTableName: String { "trainingPlan" }
}

extension PlannedDay: FetchableRecord, PersistableRecord {
    /// The columns the store filters and orders by.
    public enum Columns {
        public static let id = Column("id")
        public static let trainingPlanId = Column("trainingPlanId")
        public static let date = Column("date")
    }

    public static func databaseJSONEncoder(for column: String) -> JSONEncoder { JSONColumn.encoder }

    public static var databaseTableName: String { "trainingDayPlanned" }
}

extension ExecutedDay: FetchableRecord, PersistableRecord {
    /// The columns the store filters and orders by.
    public enum Columns {
        public static let id = Column("id")
        public static let athleteId = Column("athleteId")
        public static let activityId = Column("activityId")
        public static let plannedDayId = Column("plannedDayId")
        public static let date = Column("date")
        public static let createdAt = Column("createdAt")
    }

    public static func databaseJSONEncoder(for column: String) -> JSONEncoder { JSONColumn.encoder }

    public static var databaseTableName: String { "trainingDayExecuted" }
}

extension Activity: FetchableRecord, PersistableRecord {
    /// The columns the store filters and orders by.
    public enum Columns {
        public static let id = Column("id")
        public static let athleteId = Column("athleteId")
        public static let localDate = Column("localDate")
    }

    public static func databaseJSONEncoder(for column: String) -> JSONEncoder { JSONColumn.encoder }

    public static var databaseTableName: String { "athleteActivity" }
}

/// A row of the plan ↔ race junction.
struct RaceTrainingPlanRecord: Codable, FetchableRecord, PersistableRecord {
    static var databaseTableName: String { "raceTrainingPlan" }
    /// The columns the store filters by.
    public enum Columns {
        public static let trainingPlanId = Column("trainingPlanId")
    }

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
