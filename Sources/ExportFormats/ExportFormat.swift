/// The file formats a plan can be exported to.
public enum ExportFormat: String, CaseIterable, Codable, Sendable {
    /// A FIT workout file for one planned day (Garmin watches and Garmin Connect).
    case fit
    /// An RFC 5545 calendar of the plan.
    case ics
    /// A self-contained HTML report of the plan.
    case html

    /// The file name extension, without the dot.
    public var fileExtension: String { rawValue }

    /// The media type to announce with the file (FIT has no IANA registration; `application/vnd.ant.fit` is the one in use).
    public var contentType: String {
        switch self {
        case .fit: "application/vnd.ant.fit"
        case .ics: "text/calendar; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        }
    }

    /// Whether the file is bytes (sent base64-encoded) rather than UTF-8 text.
    public var isBinary: Bool { self == .fit }
}
