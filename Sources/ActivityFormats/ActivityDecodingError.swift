/// Why a file could not be decoded at all.
public struct ActivityDecodingError: Error, Sendable, CustomStringConvertible {
    /// The format being decoded, nil when it could not be recognised.
    public var format: ActivityFileFormat?
    /// What went wrong, in words.
    public var reason: String
    /// Byte offset in the input where the problem was found, when known.
    public var byteOffset: Int?

    /// Creates an error.
    public init(format: ActivityFileFormat?, reason: String, byteOffset: Int? = nil) {
        self.format = format
        self.reason = reason
        self.byteOffset = byteOffset
    }

    /// A one-line human-readable description.
    public var description: String {
        let name = format.map { $0.rawValue.uppercased() } ?? "activity file"
        if let byteOffset {
            return "\(name) decoding failed at byte \(byteOffset): \(reason)"
        }
        return "\(name) decoding failed: \(reason)"
    }
}
