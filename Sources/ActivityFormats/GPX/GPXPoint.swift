import Foundation

/// One GPX track or route point as read from the file.
struct GPXPoint {
    var latitude: Double
    var longitude: Double
    var elevation: Double?
    var time: Date?
    var heartRate: Double?
    var cadence: Double?
}
