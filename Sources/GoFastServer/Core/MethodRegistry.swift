import JSONRPC

/// Every gofast method, in one list: what `initialize` announces, `rpc.discover` documents and the README lists.
enum MethodRegistry {
    /// All methods, grouped as the README lists them.
    static let all: [any GoFastMethod.Type] = [
        RPCDiscover.self,
        AthleteCreate.self, AthleteGet.self, AthleteUpdate.self, AthleteList.self,
        AthleteFitness.self, AthletePredict.self, AthleteZones.self,
        RaceCreate.self, RaceGet.self, RaceList.self,
        PlanGenerate.self, PlanRegenerate.self, PlanCreate.self, PlanArchive.self, PlanAssign.self,
        PlanGet.self, PlanList.self, PlanActive.self, PlanDays.self, PlanProgressMethod.self,
        PlanRevisions.self, PlanRevert.self, PlanMoveDay.self, PlanSkipDay.self, PlanSetTrainingDays.self, PlanUnavailable.self, PlanAdapt.self,
        ActivityIngest.self, ActivityImport.self, ActivityMatch.self, ActivityLink.self, ActivityUnlink.self, ActivityGet.self,
        ExecutionCreate.self, ExecutionAnalyze.self, ExecutionGet.self, ExecutionList.self,
        PlanExport.self,
    ]

    /// The method types by name.
    static let byName: [String: any GoFastMethod.Type] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// Every method wired to `context`.
    static func rpcMethods(_ context: ServerContext) -> [RPCMethod] {
        all.map { $0.rpcMethod(context) }
    }
}
