import Foundation

/// Counts the requests handed to handlers and not yet answered, and lets the input reader wait for a free slot.
///
/// Only the reader thread waits; handlers never do, so the count always falls as work completes.
final class InFlightLimit: @unchecked Sendable {
    /// The most requests and notifications running (or waiting to run) at once.
    let maximum: Int
    private let condition = NSCondition()
    private var running = 0

    /// A limit of `maximum` (at least 1).
    init(maximum: Int) {
        self.maximum = max(1, maximum)
    }

    /// Blocks until fewer than `maximum` are running.
    func waitForSlot() {
        condition.lock()
        while running >= maximum { condition.wait() }
        condition.unlock()
    }

    /// Whether `waitForSlot` would block now.
    var isFull: Bool {
        condition.lock()
        defer { condition.unlock() }
        return running >= maximum
    }

    /// Records one more running piece of work.
    func enter() {
        condition.lock()
        running += 1
        condition.unlock()
    }

    /// Records that one finished.
    func leave() {
        condition.lock()
        running -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until nothing is running.
    func waitUntilIdle() {
        condition.lock()
        while running > 0 { condition.wait() }
        condition.unlock()
    }
}
