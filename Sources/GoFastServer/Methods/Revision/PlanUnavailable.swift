import JSONRPC
import TrainingDomain

/// `plan.unavailable`: days off for illness, injury, travel or anything else, and a graded return after them.
enum PlanUnavailable: GoFastMethod {
    static let name = "plan.unavailable"
    static let access = RPCMethod.Access.write

    struct Params: Decodable {
        var planId: String
        var from: CalendarDate
        var to: CalendarDate
        var reason: String
        var keepShortRuns: Bool?
    }

    /// The edit's result, with a new realistic target time when the break leaves too few weeks.
    struct Result: Encodable {
        var revision: Int
        var changes: [DayChange]
        var warnings: [String]
        var targetTimeSeconds: Double?
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> Result {
        guard let reason = UnavailabilityReason(rawValue: params.reason) else {
            throw RPCError.invalidParams(field: "reason", reason: "must be one of \(UnavailabilityReason.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(params.reason.prefix(20))\"")
        }
        guard params.from <= params.to else { throw RPCError.invalidParams(field: "to", reason: "must not be before from (\(params.from))") }
        if params.keepShortRuns == true, reason != .travel {
            throw RPCError.invalidParams(field: "keepShortRuns", reason: "applies to travel only")
        }
        let editing = try await PlanEditing.load(params.planId, call.context)
        try editing.requireEditable(params.from, field: "from")
        try editing.requireEditable(params.to, field: "to")
        let rebuild = GradedReturn(from: params.from, to: params.to, reason: reason, keepShortRuns: params.keepShortRuns ?? false)
        let easyPace = WorkoutReshaping.easyPace(of: editing.days) ?? PaceRange(minSecondsPerKm: 360, maxSecondsPerKm: 400)
        var edit = rebuild.apply(to: editing.days, today: editing.today, raceDate: editing.race.date, easyPace: easyPace)
        var target: Double?
        if rebuild.needsNewTarget(raceDate: editing.race.date), let goal = editing.plan.goalTimeSeconds {
            let vdot = VDOT.from(distanceMeters: editing.race.distanceMeters, timeSeconds: goal) - rebuild.vdotLoss
            let proposed = RacePredictor.time(vdot: vdot, distanceMeters: editing.race.distanceMeters).rounded()
            target = proposed
            edit.warnings.append("A realistic target after \(rebuild.length) days off: \(clock(proposed)) (the plan's goal was \(clock(goal))).")
        }
        let result = try await editing.commit(edit.days, kind: "unavailable", reason: "\(reason.rawValue) \(params.from)…\(params.to)", warnings: edit.warnings, call)
        return Result(revision: result.revision, changes: result.changes, warnings: result.warnings, targetTimeSeconds: target)
    }

    /// `h:mm:ss`.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (hours, minutes, secs) = (total / 3600, total % 3600 / 60, total % 60)
        let mm = minutes < 10 ? "0\(minutes)" : "\(minutes)", ss = secs < 10 ? "0\(secs)" : "\(secs)"
        return hours > 0 ? "\(hours):\(mm):\(ss)" : "\(minutes):\(ss)"
    }
}
