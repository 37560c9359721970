/// One week of a plan: planned against executed.
public struct WeekProgress: Codable, Hashable, Sendable {
    /// Week number from 0.
    public var weekIndex: Int
    /// The week's first date.
    public var startDate: CalendarDate
    /// The week's phase.
    public var phase: TrainingPhase?
    /// Planned distance in metres.
    public var plannedDistanceMeters: Double
    /// Distance of every execution in the week (main runs, extra runs and unplanned runs).
    public var executedDistanceMeters: Double
    /// Planned duration in seconds.
    public var plannedDurationSeconds: Double
    /// Executed duration in seconds.
    public var executedDurationSeconds: Double
    /// Run days planned (rest and cross-training days excluded).
    public var sessionsPlanned: Int
    /// Planned run days with at least one execution.
    public var sessionsDone: Int
    /// Planned run days in the past (before today) with no execution.
    public var sessionsMissed: Int
    /// Planned run days from today on with no execution yet.
    public var sessionsUpcoming: Int
    /// Mean compliance of the sessions that are due (done or missed, a missed one counting 0); nil when none is due yet.
    public var complianceScore: Int?
    /// The week's planned load: rTSS of each workout at its target paces.
    public var plannedLoad: Double
    /// The load of every running execution in the week.
    public var executedLoad: Double
}

/// Week-by-week progress of a plan from its days and executions.
public enum PlanProgress {
    /// Computes the progress; `actualOf` gives an execution's distance and duration, `loadOf` its training load and
    /// `plannedLoadOf` a planned workout's.
    public static func weeks(
        days: [PlannedDay], executions: [ExecutedDay], today: CalendarDate, actualOf: (ExecutedDay) -> ActualWorkout,
        loadOf: (ExecutedDay) -> Double = { _ in 0 }, plannedLoadOf: (PlannedWorkout) -> Double = { _ in 0 }
    ) -> [WeekProgress] {
        let executionsByDay = Dictionary(grouping: executions.filter { $0.plannedDayId != nil }, by: { $0.plannedDayId! })
        let unplanned = executions.filter { $0.plannedDayId == nil }
        let weeks = Dictionary(grouping: days, by: \.weekIndex)
        return weeks.keys.sorted().map { weekIndex in
            let weekDays = weeks[weekIndex]!.sorted { $0.dayIndex < $1.dayIndex }
            let start = weekDays.first!.date.adding(days: -weekDays.first!.dayIndex)
            let end = start.adding(days: 6)
            var progress = WeekProgress(
                weekIndex: weekIndex, startDate: start, phase: weekDays.first?.phase, plannedDistanceMeters: 0, executedDistanceMeters: 0,
                plannedDurationSeconds: 0, executedDurationSeconds: 0, sessionsPlanned: 0, sessionsDone: 0, sessionsMissed: 0,
                sessionsUpcoming: 0, complianceScore: nil, plannedLoad: 0, executedLoad: 0
            )
            var scores: [Int] = []
            for day in weekDays {
                progress.plannedDistanceMeters += day.plannedData.distanceMeters
                progress.plannedDurationSeconds += day.plannedData.durationSeconds
                progress.plannedLoad += plannedLoadOf(day.plannedData)
                let done = executionsByDay[day.id] ?? []
                for execution in done {
                    let actual = actualOf(execution)
                    progress.executedDistanceMeters += actual.distanceMeters
                    progress.executedDurationSeconds += actual.durationSeconds
                    progress.executedLoad += loadOf(execution)
                }
                guard day.plannedData.type.isRun else { continue }
                progress.sessionsPlanned += 1
                if !done.isEmpty {
                    progress.sessionsDone += 1
                    let main = done.filter { $0.analysis?.verdict != .unplanned }.compactMap { $0.analysis?.complianceScore }.max()
                    scores.append(main ?? 0)
                } else if day.date < today {
                    progress.sessionsMissed += 1
                    scores.append(0)
                } else {
                    progress.sessionsUpcoming += 1
                }
            }
            for execution in unplanned where execution.date >= start && execution.date <= end {
                let actual = actualOf(execution)
                progress.executedDistanceMeters += actual.distanceMeters
                progress.executedDurationSeconds += actual.durationSeconds
                progress.executedLoad += loadOf(execution)
            }
            progress.plannedLoad = (progress.plannedLoad * 10).rounded() / 10
            progress.executedLoad = (progress.executedLoad * 10).rounded() / 10
            progress.executedDistanceMeters = progress.executedDistanceMeters.rounded()
            progress.executedDurationSeconds = progress.executedDurationSeconds.rounded()
            if !scores.isEmpty { progress.complianceScore = Int((Double(scores.reduce(0, +)) / Double(scores.count)).rounded()) }
            return progress
        }
    }
}
