import Foundation

/// A connection (or anything costly to open) opened on first use, from any thread, at most once: the side
/// connections of `AppDatabase` stay off the start of a process that may answer a single request.
final class OpenedOnFirstUse<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?
    private let open: @Sendable () throws -> Value

    init(_ open: @escaping @Sendable () throws -> Value) {
        self.open = open
    }

    /// The value, opened now if it is not yet; a failure is thrown and the next call tries again.
    func get() throws -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let opened = try open()
        value = opened
        return opened
    }

    /// The value if it was opened, without opening it.
    var ifOpened: Value? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
