/// The master container of a plan: metadata only; its days, race and athlete hang off it.
public struct TrainingPlan: Codable, Hashable, Sendable, Identifiable {
    /// The plan's id.
    public var id: String
    /// The athlete who owns the plan.
    public var athleteId: String
    /// Plan name.
    public var name: String
    /// Goal finishing time in seconds.
    public var goalTimeSeconds: Double?
    /// The first day of week 0.
    public var startDate: CalendarDate
    /// Lifecycle state.
    public var status: PlanStatus
    /// The days the athlete trains, `mon` … `sun`.
    public var preferredDays: [Weekday]
    /// Number of weeks generated (0 for a draft).
    public var weekCount: Int
    /// When the record was created (RFC 3339, UTC).
    public var createdAt: String
    /// When the record last changed (RFC 3339, UTC).
    public var updatedAt: String

    public init(
        id: String, athleteId: String, name: String, goalTimeSeconds: Double?, startDate: CalendarDate, status: PlanStatus,
        preferredDays: [Weekday], weekCount: Int, createdAt: String, updatedAt: String
    ) {
        self.id = id
        self.athleteId = athleteId
        self.name = name
        self.goalTimeSeconds = goalTimeSeconds
        self.startDate = startDate
        self.status = status
        self.preferredDays = preferredDays
        self.weekCount = weekCount
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The date of a planned day: `startDate + 7 × weekIndex + dayIndex`, always computed here, never taken from a generator.
    public func date(weekIndex: Int, dayIndex: Int) -> CalendarDate {
        startDate.adding(days: 7 * weekIndex + dayIndex)
    }
}

/// Where a plan is in its life.
public enum PlanStatus: String, Codable, CaseIterable, Sendable {
    case draft, active, completed, archived
}
