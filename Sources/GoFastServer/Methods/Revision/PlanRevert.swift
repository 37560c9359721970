import JSONRPC
import TrainingDomain

/// `plan.revert`: the future days as they were at a revision, written as a new revision (so it can be undone too).
enum PlanRevert: GoFastMethod {
    static let name = "plan.revert"
    static let access = RPCMethod.Access.write
    static let isDestructive = true

    struct Params: Decodable {
        var planId: String
        var revision: Int
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> PlanEditing.Result {
        let editing = try await PlanEditing.load(params.planId, call.context)
        let revisions = try await call.database.revisions(planId: editing.plan.id)
        guard revisions.contains(where: { $0.revision == params.revision }) else {
            throw RPCError.notFound("revision", id: "\(params.revision)")
        }
        let current = revisions.map(\.revision).max() ?? 1
        guard params.revision != current else { return PlanEditing.Result(revision: current, changes: [], warnings: []) }
        let versions = try await call.database.dayVersions(planId: editing.plan.id)
        let restored = PlanHistory.days(editing.days, at: params.revision, versions: versions).filter { $0.date >= editing.today }
        return try await editing.commit(restored, kind: "revert", reason: "revert to revision \(params.revision)", warnings: [], call)
    }
}
