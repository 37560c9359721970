/// A day as it was done (the seed's TrainingDayExecuted): a snapshot of the plan and what happened.
public struct ExecutedDay: Codable, Hashable, Sendable, Identifiable {
    /// The executed day's id.
    public var id: String
    /// Whose execution it is.
    public var athleteId: String
    /// The activity behind it; nil for a manual entry.
    public var activityId: String?
    /// The planned day it executes; nil for an unplanned entry.
    public var plannedDayId: String?
    /// Copied from the planned day.
    public var weekIndex: Int?
    /// Copied from the planned day.
    public var dayIndex: Int?
    /// The local date it happened (copied from the planned day when there is one).
    public var date: CalendarDate
    /// A COPY of the planned day's workout at the time of execution, never a reference.
    public var plannedData: PlannedWorkout?
    /// Actual against planned.
    public var analysis: ExecutionAnalysis?
    /// For manual entries: what was done, when there is no activity.
    public var manualDistanceMeters: Double?
    /// For manual entries: how long it took.
    public var manualDurationSeconds: Double?
    /// A free note from the athlete.
    public var note: String?
    /// When the record was created (RFC 3339, UTC).
    public var createdAt: String

    public init(
        id: String, athleteId: String, activityId: String?, plannedDayId: String?, weekIndex: Int?, dayIndex: Int?, date: CalendarDate,
        plannedData: PlannedWorkout?, analysis: ExecutionAnalysis? = nil, manualDistanceMeters: Double? = nil,
        manualDurationSeconds: Double? = nil, note: String? = nil, createdAt: String
    ) {
        self.id = id
        self.athleteId = athleteId
        self.activityId = activityId
        self.plannedDayId = plannedDayId
        self.weekIndex = weekIndex
        self.dayIndex = dayIndex
        self.date = date
        self.plannedData = plannedData
        self.analysis = analysis
        self.manualDistanceMeters = manualDistanceMeters
        self.manualDurationSeconds = manualDurationSeconds
        self.note = note
        self.createdAt = createdAt
    }

    /// Creates the execution of `plannedDay`, hydrating week, day, date and a snapshot of `plannedData`.
    public static func hydrated(
        id: String, athleteId: String, activityId: String?, from plannedDay: PlannedDay, createdAt: String
    ) -> ExecutedDay {
        ExecutedDay(
            id: id, athleteId: athleteId, activityId: activityId, plannedDayId: plannedDay.id,
            weekIndex: plannedDay.weekIndex, dayIndex: plannedDay.dayIndex, date: plannedDay.date,
            plannedData: plannedDay.plannedData, createdAt: createdAt
        )
    }
}
