/// What `autoMatchActivityToDay` decides for one activity: execute a planned day, or stay unmatched and why.
public enum MatchDecision: Hashable, Sendable {
    /// The activity executes this planned day (a rest day too: the run is then analysed as unplanned).
    case execute(PlannedDay)
    /// The activity is stored without a match, for this reason.
    case unmatched(reason: UnmatchedReason)
}

extension ActivityMatching {
    /// The decision for `activity`, given the athlete's active plan (if any) and that plan's day on the activity's local date.
    public static func decide(activity: Activity, activePlan: TrainingPlan?, plannedDay: PlannedDay?) -> MatchDecision {
        let range = activePlan.flatMap { plan in
            plan.weekCount > 0 ? plan.startDate...plan.startDate.adding(days: plan.weekCount * 7 - 1) : nil
        }
        if let reason = unmatchedReason(activity: activity, hasActivePlan: activePlan != nil, plannedDay: plannedDay, planRange: range) {
            return .unmatched(reason: reason)
        }
        guard let plannedDay else { return .unmatched(reason: .noPlannedDay(date: activity.localDate)) }
        return .execute(plannedDay)
    }
}
