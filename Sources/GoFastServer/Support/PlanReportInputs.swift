import ExportFormats
import JSONRPC
import TrainingDomain

/// Gathers what the HTML report shows from the store: header, weeks, days with their compliance colour, fitness, the coming week.
enum PlanReportInputs {
    static func report(plan: TrainingPlan, from: CalendarDate?, to: CalendarDate?, _ context: ServerContext) async throws -> PlanReport {
        let database = context.database
        let athlete = try await AthleteInputs.require(plan.athleteId, context)
        let today = AthleteInputs.today(of: athlete, context)
        guard let race = try await database.race(forPlan: plan.id) else { throw RPCError.conflict("plan \(plan.id) has no race") }
        let allDays = try await database.plannedDays(planId: plan.id)
        let days = allDays.filter { day in (from.map { day.date >= $0 } ?? true) && (to.map { day.date <= $0 } ?? true) }
        let first = allDays.first?.date ?? plan.startDate
        let last = allDays.last?.date ?? plan.startDate
        let executions = try await database.executions(athleteId: athlete.id, from: first, to: last)
        let byDay = Dictionary(grouping: executions.filter { $0.plannedDayId != nil }, by: { $0.plannedDayId ?? "" })
        let prediction = try await AthletePredict.predictionIfAny(for: athlete, context)

        let reportDays = days.map { day -> PlanReportDay in
            let done = byDay[day.id] ?? []
            let main = done.first { $0.analysis?.verdict != .unplanned } ?? done.first
            var color = main?.analysis?.color
            if color == nil, day.plannedData.type.isRun, day.date < today { color = .grey }
            return PlanReportDay(date: day.date, title: day.plannedData.title, type: day.plannedData.type,
                                 plannedDistanceMeters: day.plannedData.distanceMeters, compliance: color)
        }
        let weeks = try await database.planProgress(planId: plan.id, today: today)
            .filter { week in (from.map { week.startDate.adding(days: 6) >= $0 } ?? true) && (to.map { week.startDate <= $0 } ?? true) }
            .map(PlanReportWeek.init)
        let fitnessEnd = min(last, today.adding(days: 28))
        var fitness: [PlanReportFitnessPoint] = []
        if first <= fitnessEnd {
            let series = try await AthleteFitness.series(for: athlete, from: first, to: fitnessEnd, context)
            fitness = series.days.map { PlanReportFitnessPoint(date: $0.date, fitness: $0.fitness, fatigue: $0.fatigue, form: $0.form) }
        }
        let coming = allDays.filter { $0.date >= today && $0.date <= today.adding(days: 6) }
            .map { PlanReportComingDay(date: $0.date, workout: $0.plannedData) }
        let header = PlanReportHeader(
            planName: plan.name, raceName: race.name, raceDate: race.date, raceDistanceMeters: race.distanceMeters,
            goalTimeSeconds: plan.goalTimeSeconds, predictedTimeSeconds: prediction.map { prediction in
                RacePredictor.time(vdot: prediction.vdot, distanceMeters: race.distanceMeters)
            },
            paces: prediction.map { VDOT.paces(vdot: $0.vdot) }
        )
        return PlanReport(header: header, weeks: weeks, days: reportDays, fitness: fitness, comingWeek: coming, today: today)
    }
}
