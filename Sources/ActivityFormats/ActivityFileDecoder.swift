/// Entry point: recognises and decodes FIT, GPX and TCX bytes.
public enum ActivityFileDecoder {
    /// How many leading bytes `sniff` inspects for an XML root element.
    public static let xmlSniffWindow = 4096

    /// Recognises the format of `bytes`: FIT by ".FIT" at bytes 8..<12, XML by a `<gpx` or `<TrainingCenterDatabase` root near the start.
    public static func sniff(_ bytes: [UInt8]) -> ActivityFileFormat? {
        if bytes.count >= 12, bytes[8] == 0x2E, bytes[9] == 0x46, bytes[10] == 0x49, bytes[11] == 0x54 {
            return .fit
        }
        let start = XMLInput.contentStart(bytes)
        guard start < bytes.count, bytes[start] == UInt8(ascii: "<") else { return nil }
        let end = min(bytes.count, start + xmlSniffWindow)
        if XMLInput.containsElement(bytes, start..<end, name: Array("TrainingCenterDatabase".utf8)) { return .tcx }
        if XMLInput.containsElement(bytes, start..<end, name: Array("gpx".utf8)) { return .gpx }
        return nil
    }

    /// Decodes `bytes` as `format`, or as the sniffed format when `format` is nil; throws when nothing can be decoded.
    public static func decode(_ bytes: [UInt8], format: ActivityFileFormat? = nil) throws -> DecodedFile {
        guard let resolved = format ?? sniff(bytes) else {
            throw ActivityDecodingError(
                format: nil,
                reason: bytes.isEmpty
                    ? "empty input"
                    : "not a FIT, GPX or TCX file (no \".FIT\" signature at bytes 8..<12, no <gpx> or <TrainingCenterDatabase> root)",
                byteOffset: 0)
        }
        switch resolved {
        case .fit: return try FITDecoder.decode(bytes)
        case .gpx: return try GPXDecoder.decode(bytes)
        case .tcx: return try TCXDecoder.decode(bytes)
        }
    }
}
