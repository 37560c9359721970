/// The matching rules of `autoMatchActivityToDay`, as pure functions.
public enum ActivityMatching {
    /// Why an activity was stored without a match, or nil when it can be matched to `plannedDay`.
    public static func unmatchedReason(activity: Activity, hasActivePlan: Bool, plannedDay: PlannedDay?, planRange: ClosedRange<CalendarDate>?) -> UnmatchedReason? {
        guard activity.isRun else { return .notRunning(sport: activity.sport) }
        guard hasActivePlan else { return .noActivePlan }
        guard plannedDay != nil else {
            if let planRange {
                if activity.localDate < planRange.lowerBound { return .beforePlan(date: activity.localDate, planStart: planRange.lowerBound) }
                if activity.localDate > planRange.upperBound { return .afterPlan(date: activity.localDate, planEnd: planRange.upperBound) }
            }
            return .noPlannedDay(date: activity.localDate)
        }
        return nil
    }

    /// Of several runs (or manual entries) on one planned day, the index of the main one: the closest to the
    /// planned workout by distance, else duration; the others are extra executions of the day. Ties go to the first.
    public static func mainIndex(of actuals: [ActualWorkout], for planned: PlannedWorkout) -> Int? {
        actuals.indices.min { distance(of: actuals[$0], from: planned) < distance(of: actuals[$1], from: planned) }
    }

    /// How far a workout is from the plan: the relative distance gap (duration when the plan has no distance).
    public static func distance(of actual: ActualWorkout, from planned: PlannedWorkout) -> Double {
        if planned.distanceMeters > 0 { return abs(actual.distanceMeters - planned.distanceMeters) / planned.distanceMeters }
        if planned.durationSeconds > 0 { return abs(actual.durationSeconds - planned.durationSeconds) / planned.durationSeconds }
        return -actual.distanceMeters
    }
}
