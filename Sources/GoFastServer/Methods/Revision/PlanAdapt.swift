import JSONRPC
import TrainingDomain

/// `plan.adapt`: what happened up to today, read against the plan: a proposal first (`apply: false`), a revision when applied.
enum PlanAdapt: GoFastMethod {
    static let name = "plan.adapt"
    static let access = RPCMethod.Access.write

    struct Params: Decodable {
        var planId: String
        var apply: Bool?
    }

    /// The proposal, and the revision when it was applied.
    struct Result: Encodable {
        var reasons: [AdaptationReason]
        var changes: [DayChange]
        var projected: AdaptationProjection
        var applied: Bool
        var revision: Int?
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> Result {
        let editing = try await PlanEditing.load(params.planId, call.context)
        let thresholds = LoadThresholds(editing.athlete)
        let rows = try await call.database.activityLoads(athleteId: editing.athlete.id, through: editing.today.adding(days: -1))
            .filter { Sport.isRunning($0.sport) }
        let calculator = TrainingLoadCalculator(thresholds: thresholds)
        var loads: [CalendarDate: Double] = [:]
        var distances: [CalendarDate: Double] = [:]
        let missing = Set(rows.filter { $0.trainingLoad == nil }.map(\.activityId))
        var computed: [String: Double] = [:]
        if !missing.isEmpty {
            for activity in try await call.database.activities(ids: Array(missing)) { computed[activity.id] = calculator.load(of: activity).value }
        }
        for row in rows {
            loads[row.localDate, default: 0] += row.trainingLoad?.value ?? computed[row.activityId] ?? 0
            distances[row.localDate, default: 0] += row.distanceMeters
        }
        let prediction = try? await AthletePredict.prediction(for: editing.athlete, call.context)
        let predictedVDOT: Double? = if case .activity? = prediction?.source { prediction?.vdot } else { nil }
        let planned = PlannedLoadCalculator(thresholds: thresholds)
        let proposal = Adaptation.propose(
            days: editing.days, today: editing.today, raceDate: editing.race.date,
            history: TrainingHistory(loads: loads, distances: distances, predictedVDOT: predictedVDOT), plannedLoad: { planned.load(of: $0).value }
        )
        let final = editing.applying(proposal.days)
        let changes = PlanHistory.changes(from: editing.days, to: final)
        guard params.apply == true, !changes.isEmpty else {
            return Result(reasons: proposal.reasons, changes: changes, projected: proposal.projected, applied: false, revision: nil)
        }
        let committed = try await editing.commit(
            proposal.days, kind: "adapt", reason: proposal.reasons.map(\.code).joined(separator: ", "), warnings: [], call
        )
        return Result(reasons: proposal.reasons, changes: committed.changes, projected: proposal.projected, applied: true, revision: committed.revision)
    }
}
