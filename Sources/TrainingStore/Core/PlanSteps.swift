import TrainingDomain

/// The outcomes of the steps that make a plan on another thread while its transaction stores it, each handed over
/// once, in order and in every path: the plan's final record, the check's verdict, then the answer.
final class PlanSteps<Answer: Sendable>: Sendable {
    /// The plan's final record once its days are all made; the transaction stores it after them.
    let record = Handoff<Result<TrainingPlan, any Error>>()
    /// Whether the plan may be committed: the transaction waits for it before it commits.
    let verdict = Handoff<Result<Void, any Error>>()
    /// The caller's answer, made beside the commit.
    let answer = Handoff<Result<Answer, any Error>>()
}
