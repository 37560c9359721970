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
        let recorded = try await RecordedRunning.read(athlete: editing.athlete, through: editing.today.adding(days: -1), thresholds: thresholds, call.database)
        let prediction = try await AthletePredict.predictionIfAny(for: editing.athlete, call.context)
        let predictedVDOT: Double? = if case .activity? = prediction?.source { prediction?.vdot } else { nil }
        let planned = PlannedLoadCalculator(thresholds: thresholds)
        let proposal = Adaptation.propose(
            days: editing.days, today: editing.today, raceDate: editing.race.date,
            history: TrainingHistory(loads: recorded.loads, distances: recorded.distances, predictedVDOT: predictedVDOT), plannedLoad: { planned.load(of: $0).value }
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
