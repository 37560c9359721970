/// Why an activity was stored without a match. Its text (`description`) is what replies show, written when the
/// reply is: a sync of years of runs makes thousands of reasons, and formatting them on the store's writer thread
/// cost as much as a tenth of SQLite's work there.
public enum UnmatchedReason: Hashable, Sendable, CustomStringConvertible {
    /// The activity is another sport than running.
    case notRunning(sport: String)
    /// The athlete has no active plan.
    case noActivePlan
    /// The activity's local date is before the active plan's first day.
    case beforePlan(date: CalendarDate, planStart: CalendarDate)
    /// The activity's local date is after the active plan's last day.
    case afterPlan(date: CalendarDate, planEnd: CalendarDate)
    /// The active plan has no day on the activity's local date.
    case noPlannedDay(date: CalendarDate)
    /// The caller asked not to match (`autoMatch: false`).
    case autoMatchOff
    /// The activity was already stored, and has no execution.
    case alreadyKnown

    public var description: String {
        switch self {
        case .notRunning(let sport): "\(sport) is not running: stored, not matched to the running plan"
        case .noActivePlan: "the athlete has no active plan"
        case .beforePlan(let date, let start): "\(date) is before the plan starts (\(start))"
        case .afterPlan(let date, let end): "\(date) is after the plan ends (\(end))"
        case .noPlannedDay(let date): "no planned day on \(date)"
        case .autoMatchOff: "autoMatch is false"
        case .alreadyKnown: "already known; not matched (call activity.match)"
        }
    }
}
