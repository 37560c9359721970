/// What `plan.regenerate` asks a generator for, decided by a rule before any generation.
///
/// A new current weekly volume describes the week of `fromDate`: when the weeks left from that week are a plan the
/// coach accepts for the distance, only those weeks are generated (the volume ramps from where the runner is now)
/// and placed after the kept weeks. Otherwise the whole plan is generated again from its first week, with a warning.
public struct RegenerationScope: Sendable, Hashable {
    /// The request the generator is called with (once).
    public let request: PlanRequest
    /// Weeks kept before the generated ones: the generated week 0 becomes this week of the plan.
    public let weekOffset: Int
    /// Why the whole plan is generated again although a new volume was given; nil otherwise.
    public let warning: String?

    /// The scope for regenerating `plan` (the whole plan's request) from `fromDate`.
    public init(plan: PlanRequest, fromDate: CalendarDate) {
        let weeksBefore = max(0, plan.startDate.days(to: fromDate) / 7)
        guard plan.currentWeeklyDistanceMeters != nil, weeksBefore > 0 else {
            self.init(request: plan, weekOffset: 0, warning: nil)
            return
        }
        var tail = plan
        tail.startDate = plan.startDate.adding(days: 7 * weeksBefore)
        if tail.admissionProblem == nil {
            self.init(request: tail, weekOffset: weeksBefore, warning: nil)
        } else {
            self.init(
                request: plan, weekOffset: 0,
                warning: "Only \(plan.weekCount - weeksBefore) weeks are left, fewer than a plan for this distance needs: the new weekly volume is planned from the plan's first week."
            )
        }
    }

    private init(request: PlanRequest, weekOffset: Int, warning: String?) {
        self.request = request
        self.weekOffset = weekOffset
        self.warning = warning
    }

    /// The generated plan with its weeks numbered from the plan's first week.
    public func placed(_ generated: GeneratedPlan) -> GeneratedPlan {
        guard weekOffset > 0 else { return generated }
        var placed = generated
        placed.weeks = generated.weeks.map { week in
            GeneratedWeek(weekIndex: week.weekIndex + weekOffset, phase: week.phase, days: week.days.map {
                GeneratedDay(weekIndex: week.weekIndex + weekOffset, dayIndex: $0.dayIndex, phase: $0.phase, workout: $0.workout)
            })
        }
        return placed
    }

    /// The weekday most of a plan's long runs fall on, when it is still a training day.
    public static func usualLongRunDay(of workouts: [PlannedWorkout], on weekdays: [Weekday], trainingDays: [Weekday]) -> Weekday? {
        var counts: [Weekday: Int] = [:]
        for (workout, weekday) in zip(workouts, weekdays) where workout.type == .long { counts[weekday, default: 0] += 1 }
        let usual = Weekday.allCases.filter { counts[$0] != nil }.max { counts[$0, default: 0] < counts[$1, default: 0] }
        return usual.flatMap { trainingDays.contains($0) ? $0 : nil }
    }
}

extension PlanRequest {
    /// The first reason the coach refuses this request (a window too short or too long, bad days, too few weeks to
    /// build the race's long run from the current volume …), or nil. The coach's own rules decide, run offline.
    public var admissionProblem: PlanRequestError? {
        do {
            _ = try PlanRequestCheck(self)
            var strict = self
            strict.acceptRisk = false
            _ = try BuiltInCoach().generate(strict)
            return nil
        } catch {
            return error
        }
    }
}
