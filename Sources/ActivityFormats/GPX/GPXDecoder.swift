import Foundation

/// Decodes GPX 1.0/1.1 files into one activity covering all tracks (or all routes when there is no track point).
///
/// Time policy: an activity needs a start instant. The start is the first point that carries a `<time>`
/// (gpxpy's `get_time_bounds`), so a file where only some points are timed still decodes. A file whose points
/// carry no time at all throws "GPX track has no timestamps" (the file-level metadata time is when the file
/// was written, not when the activity happened, so it is not used). A well-formed file with no track or route
/// point at all (only waypoints) is not an error: it decodes to zero activities with a warning.
public enum GPXDecoder {
    /// Decodes GPX bytes (a UTF-8 BOM and leading whitespace are skipped).
    public static func decode(_ bytes: [UInt8]) throws -> DecodedFile {
        let handler = GPXParser()
        var warnings: [String] = []
        if let (where_, detail) = XMLInput.parse(bytes, handler: handler) {
            let hasPoints = handler.tracks.contains { $0.contains { !$0.isEmpty } } || handler.routes.contains { !$0.isEmpty }
            guard handler.sawRoot, hasPoints else {
                throw ActivityDecodingError(format: .gpx, reason: "malformed XML at \(where_): \(detail)")
            }
            warnings.append("XML error at \(where_) (\(detail)); kept the points read before it")
        }
        guard handler.sawRoot else {
            throw ActivityDecodingError(format: .gpx, reason: "root element is not <gpx>")
        }
        if handler.badPoints > 0 { warnings.append("skipped \(handler.badPoints) points without a valid lat/lon") }

        let trackSegments = handler.tracks.map { $0.filter { !$0.isEmpty } }
        let trackPointCount = trackSegments.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        // Groups of segments (one group per track, or per route when no track has a point).
        let groups: [[[GPXPoint]]]
        let recordCount: Int
        if trackPointCount > 0 {
            groups = trackSegments
            recordCount = trackPointCount
        } else {
            groups = handler.routes.filter { !$0.isEmpty }.map { [$0] }
            recordCount = groups.reduce(0) { $0 + $1[0].count }
        }
        guard recordCount > 0 else {
            warnings.append("no track or route points (waypoints only): nothing to import")
            return DecodedFile(format: .gpx, activities: [], warnings: warnings, recordCount: 0)
        }
        guard
            let activity = makeActivity(
                groups, type: handler.trackTypes.lazy.compactMap { $0 }.first { !$0.isEmpty })
        else {
            throw ActivityDecodingError(
                format: .gpx,
                reason: "GPX track has no timestamps: none of its \(recordCount) points has a <time>, so the activity has no start time")
        }
        return DecodedFile(format: .gpx, activities: [activity], warnings: warnings, recordCount: recordCount)
    }

    private static func makeActivity(_ groups: [[[GPXPoint]]], type: String?) -> DecodedActivity? {
        var samples: [DecodedSample] = []
        var laps: [DecodedLap] = []
        var distance = 0.0, moving = 0.0, up = 0.0, down = 0.0
        var anyElevation = false
        var first: Date?, last: Date?
        var heartRates: [Double] = []
        for group in groups {
            var groupFirst: Date?, groupLast: Date?
            var groupDistance = 0.0, groupMoving = 0.0
            var groupHR: [Double] = []
            for segment in group {
                var cumulative = distance
                for (i, p) in segment.enumerated() {
                    if i > 0 {
                        let q = segment[i - 1]
                        cumulative += GPXGeometry.distance(p.latitude, p.longitude, nil, q.latitude, q.longitude, nil)
                    }
                    if let hr = p.heartRate { groupHR.append(hr) }
                    guard let t = p.time else { continue }
                    if first == nil { first = t }
                    last = t
                    if groupFirst == nil { groupFirst = t }
                    groupLast = t
                    if samples.count < DecodingLimits.maximumSamples { samples.append(
                        DecodedSample(
                            time: t, latitude: p.latitude, longitude: p.longitude, altitudeMeters: p.elevation,
                            distanceMeters: cumulative, heartRate: p.heartRate, cadence: p.cadence)) }
                }
                let length = GPXGeometry.length2D(segment)
                distance += length
                groupDistance += length
                let segmentMoving = GPXGeometry.movingSeconds(segment)
                moving += segmentMoving
                groupMoving += segmentMoving
                let elevations = segment.compactMap { $0.elevation }
                if !elevations.isEmpty { anyElevation = true }
                let climb = GPXGeometry.uphillDownhill(elevations)
                up += climb.up
                down += climb.down
            }
            heartRates += groupHR
            if let groupFirst, let groupLast {
                laps.append(
                    DecodedLap(
                        startTime: groupFirst, elapsedSeconds: max(0, groupLast.timeIntervalSince(groupFirst)),
                        movingSeconds: groupMoving, distanceMeters: groupDistance,
                        averageHeartRate: groupHR.isEmpty ? nil : groupHR.reduce(0, +) / Double(groupHR.count),
                        maxHeartRate: groupHR.max(),
                        averageSpeedMetersPerSecond: groupMoving > 0 ? groupDistance / groupMoving : nil))
            }
        }
        guard let first, let last else { return nil }
        return DecodedActivity(
            sport: type.map(SportNames.normalise) ?? "unknown", subSport: nil, startTime: first, utcOffsetSeconds: nil,
            elapsedSeconds: max(0, last.timeIntervalSince(first)), movingSeconds: moving, distanceMeters: distance,
            averageHeartRate: heartRates.isEmpty ? nil : heartRates.reduce(0, +) / Double(heartRates.count),
            maxHeartRate: heartRates.max(),
            elevationGainMeters: anyElevation ? up : nil, elevationLossMeters: anyElevation ? down : nil,
            calories: nil, laps: laps, samples: samples)
    }
}
