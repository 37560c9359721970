import JSONRPC
import TrainingDomain

/// `plan.moveDay`: a workout moves to another day of its week (the two swap); the week is re-laid by the coach's rules.
enum PlanMoveDay: GoFastMethod {
    static let name = "plan.moveDay"
    static let access = RPCMethod.Access.write

    struct Params: Decodable {
        var planId: String
        var date: CalendarDate
        var toDate: CalendarDate
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> PlanEditing.Result {
        let editing = try await PlanEditing.load(params.planId, call.context)
        try editing.requireEditable(params.date, field: "date")
        try editing.requireEditable(params.toDate, field: "toDate")
        let week = editing.week(of: params.date)
        let edit: PlanEdit
        do {
            edit = try DayEdits.move(week: week, date: params.date, toDate: params.toDate, today: editing.today, raceDate: editing.race.date)
        } catch {
            throw RPCError.invalidParams(field: error.field, reason: error.reason)
        }
        return try await editing.commit(edit.days, kind: "moveDay", reason: "\(params.date) → \(params.toDate)", warnings: edit.warnings, call)
    }
}
