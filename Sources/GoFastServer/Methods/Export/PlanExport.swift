import ExportFormats
import Foundation
import JSONRPC
import TrainingDomain

/// `plan.export`: the plan as a FIT workout for one day (watches), an ICS calendar, or a self-contained HTML report.
enum PlanExport: GoFastMethod {
    static let name = "plan.export"
    static let access = RPCMethod.Access.read

    struct Params: Decodable {
        var planId: String
        var format: String
        var date: CalendarDate?
        var from: CalendarDate?
        var to: CalendarDate?
    }

    /// The file: binary formats as base64, text formats as text.
    struct Result: Encodable {
        var format: String
        var fileName: String
        var contentType: String
        var contentBase64: String?
        var text: String?
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> Result {
        guard let format = ExportFormat(rawValue: params.format.lowercased()) else {
            throw RPCError.invalidParams(
                field: "format",
                reason: "must be one of \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(params.format.prefix(20))\""
            )
        }
        if let from = params.from, let to = params.to, to < from {
            throw RPCError.invalidParams(field: "to", reason: "must not be before from (\(from))")
        }
        let plan = try await PlanInputs.plan(params.planId, call.context)
        // Deterministic files: the plan's last change stamps them, so the same plan exports the same bytes.
        let stamp = Int64(Timestamp.parse(plan.updatedAt)?.epochSeconds ?? 0)
        let safeName = String(plan.id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
        switch format {
        case .fit:
            guard let date = params.date else { throw RPCError.invalidParams(field: "date", reason: "is required for a FIT workout (one planned day)") }
            guard let day = try await call.database.plannedDays(planId: plan.id, from: date, to: date).first else {
                let last = plan.startDate.adding(days: max(0, plan.weekCount * 7 - 1))
                throw RPCError.invalidParams(field: "date", reason: "\(date) is not a day of the plan (\(plan.startDate) to \(last))")
            }
            let bytes: [UInt8]
            do {
                bytes = try FITWorkoutEncoder.encode(day.plannedData, timeCreatedEpochSeconds: max(stamp, 631_065_600))
            } catch .noSteps {
                throw RPCError.invalidParams(field: "date", reason: "\(date) is a \(day.plannedData.type.rawValue) day: there is no workout to send to a watch")
            } catch {
                throw RPCError.invalidParams(field: "date", reason: "the workout of \(date) cannot be written as a FIT workout: \(error)")
            }
            return Result(format: format.rawValue, fileName: "\(safeName)-\(date).fit", contentType: format.contentType,
                          contentBase64: Data(bytes).base64EncodedString(), text: nil)
        case .ics:
            let days = try await call.database.plannedDays(planId: plan.id, from: params.from, to: params.to)
            let calendar = ICSCalendarPlan(planId: plan.id, name: plan.name, days: days.map {
                ICSCalendarDay(plannedDayId: $0.id, date: $0.date, revision: 0, workout: $0.plannedData)
            })
            return Result(format: format.rawValue, fileName: "\(safeName).ics", contentType: format.contentType, contentBase64: nil,
                          text: ICSCalendarEncoder.encode(calendar, stampEpochSeconds: stamp))
        case .html:
            let report = try await PlanReportInputs.report(plan: plan, from: params.from, to: params.to, call.context)
            return Result(format: format.rawValue, fileName: "\(safeName).html", contentType: format.contentType, contentBase64: nil,
                          text: HTMLReportRenderer.render(report))
        }
    }
}
