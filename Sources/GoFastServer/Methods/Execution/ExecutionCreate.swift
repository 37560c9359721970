import JSONRPC
import TrainingDomain

/// `execution.create`: a day done without an activity file (or without a plan): manual distance and/or duration.
enum ExecutionCreate: GoFastMethod {
    static let name = "execution.create"
    static let access = RPCMethod.Access.write

    struct Params: Decodable {
        var athleteId: String
        var plannedDayId: String?
        var date: CalendarDate?
        var distanceMeters: Double?
        var durationSeconds: Double?
        var note: String?
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> ExecutedDay {
        guard params.plannedDayId != nil || params.date != nil else {
            throw RPCError.invalidParams(field: "date", reason: "is required when there is no plannedDayId")
        }
        let distance = try params.distanceMeters.map { value throws(RPCError) in
            try Validation.number(value, in: 0...1_000_000, field: "distanceMeters", unit: "metres")
        }
        let duration = try params.durationSeconds.map { value throws(RPCError) in
            try Validation.number(value, in: 0...(14 * 86_400), field: "durationSeconds", unit: "seconds")
        }
        let note = try params.note.map { value throws(RPCError) in try Validation.text(value, field: "note", maxLength: 2000, layout: .multiLine) }
        let execution = ExecutedDay(
            id: Identifiers.make("exe"), athleteId: params.athleteId, activityId: nil, plannedDayId: nil, weekIndex: nil, dayIndex: nil,
            date: params.date ?? CalendarDate(daysSinceEpoch: 0), plannedData: nil, manualDistanceMeters: distance,
            manualDurationSeconds: duration, note: note, createdAt: call.context.clock.timestamp()
        )
        return try await call.database.createManualExecution(execution, plannedDayId: params.plannedDayId)
    }
}
