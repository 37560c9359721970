import Dispatch
import Foundation
import GRDB

/// Keeps WAL checkpoints off the request path.
///
/// SQLite checkpoints on the committing connection when the WAL passes 1,000 pages, so one write in a few paid for
/// copying pages into the database and an `fsync` (the p99 of `plan.generate`). Here the writer never checkpoints
/// (`wal_autocheckpoint = 0`); after commits, a passive checkpoint runs on a background queue through a connection
/// of its own, once the writes pause for `quietInterval`, or at the latest after `maximumCommitsBetween` commits
/// of a long burst, so the WAL stays bounded. A passive checkpoint never blocks readers or the writer.
final class WALCheckpointer: @unchecked Sendable {
    /// A pause in the writes long enough to checkpoint in.
    static let quietInterval: DispatchTimeInterval = .milliseconds(25)
    /// Commits after which a checkpoint runs even while writes go on.
    static let maximumCommitsBetween = 64

    private let connection: DatabaseQueue
    private let queue = DispatchQueue(label: "gofast.checkpoint", qos: .utility)
    private let lock = NSLock()
    private var commitsSinceCheckpoint = 0
    private var generation = 0
    private var isClosed = false

    /// Opens the checkpointing connection on the database at `path`.
    init(path: String, configuration: Configuration) throws {
        connection = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Notes one committed write and schedules a checkpoint after the next pause (or now, after a long burst).
    func didCommit() {
        lock.lock()
        commitsSinceCheckpoint += 1
        generation += 1
        let current = generation
        let overdue = commitsSinceCheckpoint >= Self.maximumCommitsBetween
        lock.unlock()
        if overdue {
            queue.async { self.checkpoint(ifStill: nil) }
        } else {
            queue.asyncAfter(deadline: .now() + Self.quietInterval) { self.checkpoint(ifStill: current) }
        }
    }

    /// Retries of a checkpoint that failed or could not copy every frame (a reader still on an older snapshot,
    /// another process checkpointing), before waiting for the next commit.
    static let maximumRetries = 20

    /// Runs a passive checkpoint, unless a newer commit has rescheduled it (`generation` moved on) or none is due;
    /// one that fails or stops short is tried again after a pause, a bounded number of times.
    private func checkpoint(ifStill expected: Int?, retry: Int = 0) {
        lock.lock()
        let due = !isClosed && (commitsSinceCheckpoint > 0 || retry > 0) && (expected == nil || expected == generation)
        if due { commitsSinceCheckpoint = 0 }
        let current = generation
        lock.unlock()
        guard due else { return }
        let result = try? connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        let complete = result.map { $0.checkpointedFrameCount >= $0.walFrameCount } ?? false
        guard !complete, retry < Self.maximumRetries else { return }
        queue.asyncAfter(deadline: .now() + Self.quietInterval) { self.checkpoint(ifStill: current, retry: retry + 1) }
    }

    /// Waits for a running checkpoint and closes the connection; nothing is scheduled afterwards.
    func close() throws {
        lock.lock()
        isClosed = true
        lock.unlock()
        queue.sync {}
        try connection.close()
    }
}
