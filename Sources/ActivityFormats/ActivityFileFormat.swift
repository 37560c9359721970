/// The activity file formats this module can decode.
public enum ActivityFileFormat: String, Sendable, CaseIterable {
    /// Garmin's binary Flexible and Interoperable Data Transfer format.
    case fit
    /// GPS Exchange Format (1.0 and 1.1).
    case gpx
    /// Garmin Training Center XML.
    case tcx
}
