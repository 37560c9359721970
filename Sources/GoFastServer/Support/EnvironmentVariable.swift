#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The process environment, one variable at a time (`getenv`): Foundation's `ProcessInfo.environment` builds a
/// dictionary of every variable on each call, which was a few percent of a cold start.
public enum EnvironmentVariable {
    /// The value of the variable `name`, or nil when it is not set.
    public static func value(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }
}
