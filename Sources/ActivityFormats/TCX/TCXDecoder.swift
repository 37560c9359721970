import Foundation

/// Decodes Garmin Training Center (TCX) files: one activity per `<Activity>`.
///
/// Durations: a lap's `TotalTimeSeconds` is timer time, so `movingSeconds` is their sum; `elapsedSeconds` is the
/// span from the start to the last trackpoint, never less than the moving time (TCX times are whole seconds, the
/// lap totals are not). Distance is the sum of the laps' `DistanceMeters` (else the last trackpoint's).
/// Heart rate: average and maximum of the trackpoints' values (as python-tcxparser), else from the laps.
public enum TCXDecoder {
    /// Decodes TCX bytes (a UTF-8 BOM and leading whitespace are skipped).
    public static func decode(_ bytes: [UInt8]) throws -> DecodedFile {
        let handler = TCXParser()
        var warnings: [String] = []
        if let (where_, detail) = XMLInput.parse(bytes, handler: handler) {
            guard handler.sawRoot, !handler.activities.isEmpty else {
                throw ActivityDecodingError(format: .tcx, reason: "malformed XML at \(where_): \(detail)")
            }
            warnings.append("XML error at \(where_) (\(detail)); kept the activities read before it")
        }
        guard handler.sawRoot else {
            throw ActivityDecodingError(format: .tcx, reason: "root element is not <TrainingCenterDatabase>")
        }
        var activities: [DecodedActivity] = []
        for (index, raw) in handler.activities.enumerated() {
            if let activity = makeActivity(raw) {
                activities.append(activity)
            } else {
                warnings.append("activity \(index + 1) has no Id, lap StartTime or trackpoint time: skipped")
            }
        }
        if handler.activities.isEmpty { warnings.append("no <Activity> element: nothing to import") }
        return DecodedFile(
            format: .tcx, activities: activities, warnings: warnings, recordCount: handler.trackpointCount)
    }

    private static func makeActivity(_ a: TCXActivity) -> DecodedActivity? {
        let points = a.laps.flatMap { $0.trackpoints }
        let timed = points.filter { $0.time != nil }
        guard let start = a.id ?? a.laps.lazy.compactMap({ $0.startTime }).first ?? timed.first?.time else { return nil }
        var laps: [DecodedLap] = []
        for (i, l) in a.laps.enumerated() {
            let lapStart = l.startTime ?? l.trackpoints.lazy.compactMap({ $0.time }).first ?? start
            let nextStart = i + 1 < a.laps.count ? a.laps[i + 1].startTime : nil
            let lastPoint = l.trackpoints.last(where: { $0.time != nil })?.time
            let span = (nextStart ?? lastPoint).map { max(0, $0.timeIntervalSince(lapStart)) } ?? 0
            let moving = l.totalTimeSeconds ?? span
            let distance = l.distance ?? 0
            laps.append(
                DecodedLap(
                    startTime: lapStart, elapsedSeconds: max(span, moving), movingSeconds: moving,
                    distanceMeters: distance, averageHeartRate: l.averageHeartRate, maxHeartRate: l.maximumHeartRate,
                    averageSpeedMetersPerSecond: moving > 0 && l.distance != nil ? distance / moving : nil))
        }
        let lapTimes = a.laps.compactMap { $0.totalTimeSeconds }
        var elapsed = 0.0
        if let last = timed.last?.time { elapsed = max(0, last.timeIntervalSince(start)) }
        if timed.isEmpty { elapsed = laps.reduce(0) { $0 + $1.elapsedSeconds } }
        let moving = lapTimes.isEmpty ? elapsed : lapTimes.reduce(0, +)
        elapsed = max(elapsed, moving)
        let lapDistances = a.laps.compactMap { $0.distance }
        let distance =
            lapDistances.isEmpty ? (points.last(where: { $0.distance != nil })?.distance ?? 0) : lapDistances.reduce(0, +)

        let pointHR = points.compactMap { $0.heartRate }
        var averageHR: Double?
        var maxHR: Double?
        if !pointHR.isEmpty {
            averageHR = pointHR.reduce(0, +) / Double(pointHR.count)
            maxHR = pointHR.max()
        } else {
            let weighted = a.laps.compactMap { l -> (Double, Double)? in
                guard let hr = l.averageHeartRate, let t = l.totalTimeSeconds, t > 0 else { return nil }
                return (hr, t)
            }
            let totalTime = weighted.reduce(0) { $0 + $1.1 }
            if totalTime > 0 { averageHR = weighted.reduce(0) { $0 + $1.0 * $1.1 } / totalTime }
            maxHR = a.laps.compactMap { $0.maximumHeartRate }.max()
        }
        let calories = a.laps.compactMap { $0.calories }
        let elevations = points.compactMap { $0.altitude }
        let climb = GPXGeometry.uphillDownhill(elevations)
        let samples = timed.prefix(DecodingLimits.maximumSamples).map { p in
            DecodedSample(
                time: p.time!, latitude: p.latitude, longitude: p.longitude, altitudeMeters: p.altitude,
                distanceMeters: p.distance, heartRate: p.heartRate, speedMetersPerSecond: p.speed, cadence: p.cadence)
        }
        return DecodedActivity(
            sport: a.sport.map(SportNames.normalise) ?? "unknown", subSport: nil, startTime: start,
            utcOffsetSeconds: nil, elapsedSeconds: elapsed, movingSeconds: moving, distanceMeters: distance,
            averageHeartRate: averageHR, maxHeartRate: maxHR,
            elevationGainMeters: elevations.isEmpty ? nil : climb.up,
            elevationLossMeters: elevations.isEmpty ? nil : climb.down,
            calories: calories.isEmpty ? nil : calories.reduce(0, +), laps: laps, samples: Array(samples))
    }
}
