import Dispatch

/// Lets go of a large value on a background queue, a moment later, so that freeing it (thousands of records, each
/// with its strings) is not done on the way to a reply.
enum BackgroundRelease {
    /// Keeps `value` alive until a background queue drops it, after the caller's own references are gone.
    static func release<Value: Sendable>(_ value: Value) {
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(50)) {
            withExtendedLifetime(value) {}
        }
    }
}
