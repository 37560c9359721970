/// Everything decoded from one activity file: its activities and what was wrong with it.
public struct DecodedFile: Sendable {
    /// The format the bytes were decoded as.
    public var format: ActivityFileFormat
    /// The FIT `file_id` type in camelCase (e.g. "activity", "settings", "monitoringB", "workout"); nil for XML formats.
    public var fileType: String?
    /// The activities found (one per FIT session; a multisport or chained file gives several); may be empty.
    public var activities: [DecodedActivity]
    /// Problems that did not stop decoding (bad CRC, truncated data, trailing garbage, …).
    public var warnings: [String]
    /// Number of sample messages read: FIT `record` messages, GPX track (else route) points, TCX trackpoints, including any without a time.
    public var recordCount: Int

    /// Creates a decoded file.
    public init(
        format: ActivityFileFormat, fileType: String? = nil, activities: [DecodedActivity] = [],
        warnings: [String] = [], recordCount: Int = 0
    ) {
        self.format = format
        self.fileType = fileType
        self.activities = activities
        self.warnings = warnings
        self.recordCount = recordCount
    }
}
