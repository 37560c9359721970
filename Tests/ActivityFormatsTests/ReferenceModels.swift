import Foundation

/// A session as one of the reference decoders reports it.
struct SessionReference: Decodable {
    var sport: String?
    /// fitdecode prints pre-1990 "system time" values as integers: those decode as nil here.
    var startTime: String?
    var totalDistance: Double?
    var totalElapsedTime: Double?
    var totalTimerTime: Double?
    var avgHeartRate: Double?
    var maxHeartRate: Double?
    var totalAscent: Double?
    var numLaps: Int?

    enum CodingKeys: String, CodingKey {
        case sport, startTime = "start_time", totalDistance = "total_distance"
        case totalElapsedTime = "total_elapsed_time", totalTimerTime = "total_timer_time"
        case avgHeartRate = "avg_heart_rate", maxHeartRate = "max_heart_rate", totalAscent = "total_ascent"
        case numLaps = "num_laps"
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sport = try c.decodeIfPresent(String.self, forKey: .sport)
        startTime = try? c.decodeIfPresent(String.self, forKey: .startTime)
        totalDistance = try c.decodeIfPresent(Double.self, forKey: .totalDistance)
        totalElapsedTime = try c.decodeIfPresent(Double.self, forKey: .totalElapsedTime)
        totalTimerTime = try c.decodeIfPresent(Double.self, forKey: .totalTimerTime)
        avgHeartRate = try c.decodeIfPresent(Double.self, forKey: .avgHeartRate)
        maxHeartRate = try c.decodeIfPresent(Double.self, forKey: .maxHeartRate)
        totalAscent = try c.decodeIfPresent(Double.self, forKey: .totalAscent)
        numLaps = try c.decodeIfPresent(Int.self, forKey: .numLaps)
    }
}

/// What fitdecode 0.11 reports for one FIT file.
struct FitdecodeReference: Decodable {
    var error: String?
    var laps: Int?
    var records: Int?
    var sessions: [SessionReference]?
}

/// What Garmin's Python FIT SDK reports for one FIT file.
struct GarminSDKReference: Decodable {
    var checkIntegrity: Bool?
    var errors: [String]?
    var fileType: String?
    var firstRecordTime: String?
    var lastRecordTime: String?
    var lastRecordDistance: Double?
    var laps: Int?
    var records: Int?
    var sessions: [SessionReference]?
}

/// One entry of fit/reference.json.
struct FITFileReference: Decodable {
    var bytes: Int
    var fitdecode: FitdecodeReference
    var garminFitSdk: GarminSDKReference
}

/// One entry of gpx/reference.json (gpxpy 1.6).
struct GPXFileReference: Decodable {
    var tracks: Int
    var segments: Int
    var trackPoints: Int
    var routes: Int
    var startTime: String?
    var endTime: String?
    var length2dMeters: Double
    var length3dMeters: Double
    var movingSeconds: Double
    var uphillDownhill: [Double]
}

/// One entry of tcx/reference.json (python-tcxparser 2.4).
struct TCXFileReference: Decodable {
    var activityType: String
    var startTime: String
    var endTime: String
    var durationSeconds: Double
    /// tcxparser returns the raw text of the last trackpoint's DistanceMeters.
    var distanceMeters: String
    var laps: Int
    var trackpoints: Int
    var hrAvg: Double?
    var hrMax: Double?
}
