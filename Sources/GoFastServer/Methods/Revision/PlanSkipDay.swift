import JSONRPC
import TrainingDomain

/// `plan.skipDay`: the day becomes rest; a key session moves to a day of the week where it fits, else it is dropped.
enum PlanSkipDay: GoFastMethod {
    static let name = "plan.skipDay"
    static let access = RPCMethod.Access.write

    struct Params: Decodable {
        var planId: String
        var date: CalendarDate
        var reason: String?
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> PlanEditing.Result {
        let reason = try params.reason.map { value throws(RPCError) in try Validation.text(value, field: "reason", maxLength: 500) }
        let editing = try await PlanEditing.load(params.planId, call.context)
        try editing.requireEditable(params.date, field: "date")
        let edit: PlanEdit
        do {
            edit = try DayEdits.skip(week: editing.week(of: params.date), date: params.date, reason: reason, today: editing.today, raceDate: editing.race.date)
        } catch {
            throw RPCError.invalidParams(field: error.field, reason: error.reason)
        }
        return try await editing.commit(edit.days, kind: "skipDay", reason: reason ?? "skip \(params.date)", warnings: edit.warnings, call)
    }
}
