import JSONRPC
import TrainingDomain
import TrainingStore

/// `execution.create`, `execution.analyze`, `execution.get`, `execution.list`, `plan.progress`.
enum ExecutionHandlers {
    struct CreateParams: Decodable {
        var athleteId: String
        var plannedDayId: String?
        var date: CalendarDate?
        var distanceMeters: Double?
        var durationSeconds: Double?
        var note: String?
    }

    struct AnalyzeParams: Decodable {
        var executionId: String?
        var executedId: String?
        var id: String?
    }

    struct ListParams: Decodable {
        var athleteId: String
        var from: CalendarDate?
        var to: CalendarDate?
    }

    struct ProgressParams: Decodable {
        var planId: String
    }

    struct Progress: Encodable {
        var planId: String
        var today: CalendarDate
        var weeks: [WeekProgress]
    }

    static func methods(_ context: ServerContext) -> [RPCMethod] {
        [
            RPCMethod("execution.create", access: .write) { request in
                let params = try request.decodeParams(CreateParams.self)
                guard params.plannedDayId != nil || params.date != nil else {
                    throw RPCError.invalidParams(field: "date", reason: "is required when there is no plannedDayId")
                }
                let distance = try params.distanceMeters.map { value throws(RPCError) in
                    try Validation.number(value, in: 0...1_000_000, field: "distanceMeters", unit: "metres")
                }
                let duration = try params.durationSeconds.map { value throws(RPCError) in
                    try Validation.number(value, in: 0...(14 * 86_400), field: "durationSeconds", unit: "seconds")
                }
                let note = try params.note.map { value throws(RPCError) in try Validation.text(value, field: "note", maxLength: 2000) }
                let execution = ExecutedDay(
                    id: Identifiers.make("exe"), athleteId: params.athleteId, activityId: nil, plannedDayId: nil, weekIndex: nil, dayIndex: nil,
                    date: params.date ?? CalendarDate(daysSinceEpoch: 0), plannedData: nil, manualDistanceMeters: distance,
                    manualDurationSeconds: duration, note: note, createdAt: context.clock.timestamp()
                )
                return try .encoding(try await context.database.createManualExecution(execution, plannedDayId: params.plannedDayId))
            },
            RPCMethod("execution.analyze", access: .write) { request in
                let params = try request.decodeParams(AnalyzeParams.self)
                guard let id = params.executionId ?? params.executedId ?? params.id else {
                    throw RPCError.invalidParams(field: "executionId", reason: "is required")
                }
                let execution = try await context.database.analyzeExecution(id: id)
                return try .encoding(execution.analysis)
            },
            RPCMethod("execution.get", access: .read) { request in
                let params = try request.decodeParams(AthleteHandlers.IdParams.self)
                guard let execution = try await context.database.execution(id: params.id) else { throw RPCError.notFound("execution", id: params.id) }
                return try .encoding(execution)
            },
            RPCMethod("execution.list", access: .read) { request in
                let params = try request.decodeParams(ListParams.self)
                if let from = params.from, let to = params.to, to < from {
                    throw RPCError.invalidParams(field: "to", reason: "must not be before from (\(from))")
                }
                _ = try await PlanHandlers.requireAthlete(params.athleteId, context: context)
                return try .encoding(try await context.database.executions(athleteId: params.athleteId, from: params.from, to: params.to))
            },
            RPCMethod("plan.progress", access: .read) { request in
                let params = try request.decodeParams(ProgressParams.self)
                guard let plan = try await context.database.plan(id: params.planId) else { throw RPCError.notFound("plan", id: params.planId) }
                let athlete = try await PlanHandlers.requireAthlete(plan.athleteId, context: context)
                let today = context.clock.today(in: TimeZones.zone(named: athlete.timeZone) ?? .gmt)
                return try .encoding(Progress(planId: plan.id, today: today, weeks: try await context.database.planProgress(planId: plan.id, today: today)))
            },
        ]
    }
}
