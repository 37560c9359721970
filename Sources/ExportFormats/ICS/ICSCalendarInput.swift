import TrainingDomain

/// The plan a calendar is written from: its id, its name and its days at their current revision.
public struct ICSCalendarPlan: Hashable, Sendable {
    /// The plan's id.
    public var planId: String
    /// The plan's name, the calendar's name (`X-WR-CALNAME`).
    public var name: String
    /// The plan's days in any order; rest days are left out of the calendar.
    public var days: [ICSCalendarDay]

    /// Creates the input of one calendar.
    public init(planId: String, name: String, days: [ICSCalendarDay]) {
        self.planId = planId
        self.name = name
        self.days = days
    }
}

/// One planned day as the calendar sees it.
public struct ICSCalendarDay: Hashable, Sendable {
    /// The planned day's id; the event's `UID` is `<plannedDayId>@gofast`, stable across exports.
    public var plannedDayId: String
    /// The day's date; the event is an all-day event on it.
    public var date: CalendarDate
    /// The day's revision, written as `SEQUENCE` so a subscribed calendar replaces a changed day instead of duplicating it.
    public var revision: Int
    /// The day's workout.
    public var workout: PlannedWorkout

    /// Creates a calendar day.
    public init(plannedDayId: String, date: CalendarDate, revision: Int, workout: PlannedWorkout) {
        self.plannedDayId = plannedDayId
        self.date = date
        self.revision = revision
        self.workout = workout
    }
}
