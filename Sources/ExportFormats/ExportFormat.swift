/// The file formats a plan can be exported to.
public enum ExportFormat: String, CaseIterable, Codable, Sendable {
    /// A FIT workout file for one planned day (Garmin watches and Garmin Connect).
    case fit
    /// An RFC 5545 calendar of the plan.
    case ics
    /// A self-contained HTML report of the plan.
    case html
}
