import Foundation
import TrainingDomain

/// Activities handed to a sync page's transaction while they are still being made, so validating a page and
/// storing it run on two cores: the store writes the first items while the server validates the next.
///
/// `append` never blocks. The transaction takes what has arrived (`take`), waiting on its own thread (GRDB's writer
/// queue, not the cooperative pool) when it has caught up. The producer calls `finish()` in every path, or the
/// transaction waits for ever.
public final class ActivityFeed: @unchecked Sendable {
    private let condition = NSCondition()
    private var arrived: [Activity] = []
    private var finished = false
    private var takerIsWaiting = false

    /// An open feed, for a producer to fill.
    public init() {}

    /// A feed of `activities`, already finished.
    public init(_ activities: [Activity]) {
        arrived = activities
        finished = true
    }

    /// Hands one more activity to the transaction.
    public func append(_ activity: Activity) {
        condition.lock()
        arrived.append(activity)
        if takerIsWaiting { condition.signal() }
        condition.unlock()
    }

    /// Says that no activity follows.
    public func finish() {
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
    }

    /// Every activity that arrived since the last call, in order, waiting for at least one; empty once the feed is
    /// finished and drained.
    func take() -> [Activity] {
        condition.lock()
        defer { condition.unlock() }
        while arrived.isEmpty && !finished {
            takerIsWaiting = true
            condition.wait()
            takerIsWaiting = false
        }
        var batch: [Activity] = []
        swap(&batch, &arrived)
        return batch
    }
}
