import Foundation
import TrainingDomain

/// Values handed to a transaction while they are still being made, so making them and storing them run on two
/// cores: a sync page's activities as they are validated, a plan's `plannedData` texts as they are serialised.
///
/// `append` never blocks. The transaction takes what has arrived (`take`), waiting on its own thread when it has
/// caught up (GRDB's writer thread for a sync page; the request's cooperative thread for a plan, whose producer is
/// a thread of its own). The producer calls `finish()` or `fail(_:)` in every path, or the transaction waits for
/// ever.
public final class Feed<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var arrived: [Element] = []
    private var finished = false
    private var failure: (any Error)?
    private var takerIsWaiting = false

    /// An open feed, for a producer to fill.
    public init() {}

    /// A feed of `elements`, already finished.
    public init(_ elements: [Element]) {
        arrived = elements
        finished = true
    }

    /// Hands one more value to the transaction.
    public func append(_ element: Element) {
        condition.lock()
        arrived.append(element)
        if takerIsWaiting { condition.signal() }
        condition.unlock()
    }

    /// Says that no value follows.
    public func finish() {
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
    }

    /// Says that no value follows and that the transaction must not commit: `take()` throws `error` once it has
    /// taken what arrived.
    public func fail(_ error: any Error) {
        condition.lock()
        finished = true
        failure = error
        condition.signal()
        condition.unlock()
    }

    /// Every value that arrived since the last call, in order, waiting for at least one; empty once the feed is
    /// finished and drained, or the producer's error once a failed feed is drained.
    func take() throws -> [Element] {
        condition.lock()
        defer { condition.unlock() }
        while arrived.isEmpty && !finished {
            takerIsWaiting = true
            condition.wait()
            takerIsWaiting = false
        }
        if arrived.isEmpty, let failure { throw failure }
        var batch: [Element] = []
        swap(&batch, &arrived)
        return batch
    }
}

/// A sync page's activities, handed to its transaction as they are validated.
public typealias ActivityFeed = Feed<Activity>
