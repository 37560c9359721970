import ExportFormats
import TrainingDomain

/// A report of a real plan part-way through: executions judged by the real `ExecutionAnalyzer`, weeks from `PlanProgress`.
enum SampleReport {
    /// The marathon plan seen on `daysIn` days after its start, with a varied but deterministic record of what was done.
    static func marathon(daysIn: Int = 59) throws -> PlanReport {
        let plan = try SamplePlan.marathon()
        let today = plan.request.startDate.adding(days: daysIn)
        let analyzer = ExecutionAnalyzer()
        // How much of each past run day was done, in turn: on plan, a bit short, half, long, skipped, way over, …
        let ratios = [1.0, 0.97, 1.04, 0.7, 1.0, 0.0, 1.02, 1.3, 0.45, 1.0, 0.92, 1.0, 1.08]
        var executions: [ExecutedDay] = []
        var compliance: [String: ComplianceColor] = [:]
        var runIndex = 0
        for day in plan.days where day.date < today && day.plannedData.type.isRun {
            let ratio = ratios[runIndex % ratios.count]
            runIndex += 1
            guard ratio > 0 else {
                compliance[day.id] = .grey
                continue
            }
            let actual = ActualWorkout(distanceMeters: day.plannedData.distanceMeters * ratio, durationSeconds: day.plannedData.durationSeconds * ratio)
            let analysis = analyzer.analyze(planned: day.plannedData, actual: actual, maxHeartRate: nil)
            compliance[day.id] = analysis.color
            executions.append(ExecutedDay(
                id: "x-\(day.id)", athleteId: "a1", activityId: nil, plannedDayId: day.id, weekIndex: day.weekIndex, dayIndex: day.dayIndex,
                date: day.date, plannedData: day.plannedData, analysis: analysis, manualDistanceMeters: actual.distanceMeters,
                manualDurationSeconds: actual.durationSeconds, createdAt: "2026-01-01T00:00:00Z"
            ))
        }
        let progress = PlanProgress.weeks(days: plan.days, executions: executions, today: today) {
            ActualWorkout(manualDistanceMeters: $0.manualDistanceMeters, manualDurationSeconds: $0.manualDurationSeconds, planned: $0.plannedData)
        }
        // Fitness and fatigue as Banister's 42- and 7-day exponentially weighted loads of the daily distance done (km).
        var fitness: [PlanReportFitnessPoint] = []
        var chronic = 30.0 / 7 * 6, acute = chronic
        let doneByDate = Dictionary(executions.map { ($0.date, ($0.manualDistanceMeters ?? 0) / 1000 * 6) }, uniquingKeysWith: +)
        var date = plan.request.startDate
        while date < today {
            let load = doneByDate[date] ?? 0
            chronic += (load - chronic) / 42
            acute += (load - acute) / 7
            fitness.append(PlanReportFitnessPoint(date: date, fitness: chronic, fatigue: acute, form: chronic - acute))
            date = date.adding(days: 1)
        }
        return PlanReport(
            header: PlanReportHeader(
                planName: plan.name, raceName: plan.request.raceName, raceDate: plan.request.raceDate,
                raceDistanceMeters: plan.request.raceDistanceMeters, goalTimeSeconds: plan.generated.goalTimeSeconds,
                predictedTimeSeconds: plan.generated.predictedTimeSeconds, paces: plan.generated.paces
            ),
            weeks: progress.map(PlanReportWeek.init),
            days: plan.days.map {
                PlanReportDay(date: $0.date, title: $0.plannedData.title, type: $0.plannedData.type,
                              plannedDistanceMeters: $0.plannedData.distanceMeters, compliance: compliance[$0.id])
            },
            fitness: fitness,
            comingWeek: plan.days.filter { $0.date >= today && $0.date < today.adding(days: 7) }.map {
                PlanReportComingDay(date: $0.date, workout: $0.plannedData)
            },
            today: today
        )
    }
}
