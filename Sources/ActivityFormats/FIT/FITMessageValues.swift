/// Scaled values of one FIT session message (only the fields the decoder uses; nil = absent or invalid).
struct FITSessionValues {
    var timestamp: UInt32?
    var startTime: UInt32?
    var sport: Int?
    var subSport: Int?
    var totalElapsedTime: Double?
    var totalTimerTime: Double?
    var totalDistance: Double?
    var totalCalories: Double?
    var avgSpeed: Double?
    var enhancedAvgSpeed: Double?
    var avgHeartRate: Double?
    var maxHeartRate: Double?
    var totalAscent: Double?
    var totalDescent: Double?
    var firstLapIndex: Int?
    var numLaps: Int?
}

/// Scaled values of one FIT lap message.
struct FITLapValues {
    var timestamp: UInt32?
    var startTime: UInt32?
    var totalElapsedTime: Double?
    var totalTimerTime: Double?
    var totalDistance: Double?
    var totalCalories: Double?
    var avgSpeed: Double?
    var enhancedAvgSpeed: Double?
    var avgHeartRate: Double?
    var maxHeartRate: Double?
    var totalAscent: Double?
    var totalDescent: Double?
    var sport: Int?
}

/// Everything read from one part (header + messages + CRC) of a possibly chained FIT file.
struct FITPart {
    /// Byte offset of this part's header.
    var offset: Int
    /// file_id.type of this part.
    var fileType: Int?
    /// Session messages in file order.
    var sessions: [FITSessionValues] = []
    /// Lap messages in file order.
    var laps: [FITLapValues] = []
    /// Records that carry a time, in file order.
    var samples: [DecodedSample] = []
    /// All record messages, with or without a time.
    var recordCount = 0
    /// Data and definition messages decoded.
    var messageCount = 0
    /// activity.timestamp and activity.local_timestamp (raw FIT seconds).
    var activityTimestamp: UInt32?
    /// activity.local_timestamp.
    var activityLocalTimestamp: UInt32?
    /// sport message: sport and sub_sport.
    var sportMessageSport: Int?
    /// sport message sub_sport.
    var sportMessageSubSport: Int?

    init(offset: Int) { self.offset = offset }
}
