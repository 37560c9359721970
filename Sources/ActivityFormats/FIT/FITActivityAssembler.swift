import Foundation

/// Turns the sessions, laps and records of one FIT part into `DecodedActivity` values.
enum FITActivityAssembler {
    /// One activity per session; laps and records go to the session they fall in (by time).
    /// An activity part without sessions but with timed laps or records yields one synthesised activity; otherwise none.
    static func activities(from part: FITPart) -> [DecodedActivity] {
        let utcOffset = utcOffsetSeconds(part)
        let laps = part.laps.compactMap { lap(from: $0) }
        var resolved: [(start: Date, values: FITSessionValues)] = []
        for (index, s) in part.sessions.enumerated() {
            if let start = sessionStart(s, index: index, part: part, laps: laps) { resolved.append((start, s)) }
        }
        if resolved.isEmpty {
            // Only an activity file (or one without file_id) is an activity: a course's records are a route.
            guard part.fileType == nil || part.fileType == FITProfile.FileType.activity else { return [] }
            return synthesised(part, laps: laps, utcOffset: utcOffset).map { [$0] } ?? []
        }
        // stable sort by start time
        resolved = resolved.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }
            .map { $0.element }
        let starts = resolved.map { $0.start.timeIntervalSince1970 }
        var lapsBySession = [[DecodedLap]](repeating: [], count: resolved.count)
        var samplesBySession = [[DecodedSample]](repeating: [], count: resolved.count)
        if resolved.count == 1 {
            lapsBySession[0] = laps
            samplesBySession[0] = part.samples
        } else {
            for l in laps {
                lapsBySession[owner(l.startTime.timeIntervalSince1970 + l.elapsedSeconds / 2, starts)].append(l)
            }
            for sample in part.samples { samplesBySession[owner(sample.time.timeIntervalSince1970, starts)].append(sample) }
        }
        return resolved.enumerated().map { index, entry in
            activity(entry.values, start: entry.start, laps: lapsBySession[index], samples: samplesBySession[index],
                     part: part, utcOffset: utcOffset)
        }
    }

    /// Index of the last session starting at or before `t` (the first session owns anything earlier).
    private static func owner(_ t: Double, _ starts: [Double]) -> Int {
        var lo = 0
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= t { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    private static func date(_ raw: UInt32) -> Date {
        Date(timeIntervalSince1970: Double(raw) + FITProfile.epochOffset)
    }

    /// activity.local_timestamp − activity.timestamp rounded to 15 minutes, when plausible (within ±15 h).
    private static func utcOffsetSeconds(_ part: FITPart) -> Int? {
        guard let ts = part.activityTimestamp, let local = part.activityLocalTimestamp else { return nil }
        let diff = Double(Int64(local) - Int64(ts))
        let rounded = Int((diff / 900).rounded()) * 900
        return abs(rounded) <= 15 * 3600 ? rounded : nil
    }

    private static func sessionStart(_ s: FITSessionValues, index: Int, part: FITPart, laps: [DecodedLap]) -> Date? {
        if let start = s.startTime { return date(start) }
        if part.sessions.count == 1 {
            if let first = laps.first?.startTime { return first }
            if let first = part.samples.first?.time { return first }
        }
        if let end = s.timestamp, let elapsed = s.totalElapsedTime { return date(end).addingTimeInterval(-elapsed) }
        return nil
    }

    private static func lap(from l: FITLapValues) -> DecodedLap? {
        var start = l.startTime.map(date)
        if start == nil, let end = l.timestamp, let elapsed = l.totalElapsedTime {
            start = date(end).addingTimeInterval(-elapsed)
        }
        guard let start else { return nil }
        var elapsed = l.totalElapsedTime
        if elapsed == nil, let end = l.timestamp { elapsed = max(0, date(end).timeIntervalSince(start)) }
        let e = elapsed ?? l.totalTimerTime ?? 0
        return DecodedLap(
            startTime: start, elapsedSeconds: e, movingSeconds: l.totalTimerTime ?? e,
            distanceMeters: l.totalDistance ?? 0, averageHeartRate: l.avgHeartRate, maxHeartRate: l.maxHeartRate,
            averageSpeedMetersPerSecond: l.enhancedAvgSpeed ?? l.avgSpeed)
    }

    private static func activity(
        _ s: FITSessionValues, start: Date, laps: [DecodedLap], samples: [DecodedSample], part: FITPart, utcOffset: Int?
    ) -> DecodedActivity {
        var elapsed = s.totalElapsedTime
        if elapsed == nil, let end = s.timestamp { elapsed = max(0, date(end).timeIntervalSince(start)) }
        if elapsed == nil, let last = samples.last?.time { elapsed = max(0, last.timeIntervalSince(start)) }
        let e = elapsed ?? s.totalTimerTime ?? 0
        let distance =
            s.totalDistance ?? samples.last(where: { $0.distanceMeters != nil })?.distanceMeters
            ?? laps.reduce(0) { $0 + $1.distanceMeters }
        let sport = s.sport ?? part.sportMessageSport
        let subSport = s.subSport ?? (s.sport == nil ? part.sportMessageSubSport : nil)
        return DecodedActivity(
            sport: sport.map(FITProfile.sportName) ?? "unknown",
            subSport: subSport.map(FITProfile.subSportName),
            startTime: start, utcOffsetSeconds: utcOffset,
            elapsedSeconds: e, movingSeconds: s.totalTimerTime ?? e, distanceMeters: distance,
            averageHeartRate: s.avgHeartRate, maxHeartRate: s.maxHeartRate,
            elevationGainMeters: s.totalAscent, elevationLossMeters: s.totalDescent, calories: s.totalCalories,
            laps: laps, samples: samples)
    }

    /// An activity built from laps and records when the part has no session message (e.g. a device that stopped early).
    private static func synthesised(_ part: FITPart, laps: [DecodedLap], utcOffset: Int?) -> DecodedActivity? {
        guard let start = [laps.first?.startTime, part.samples.first?.time].compactMap({ $0 }).min() else { return nil }
        var end = start
        if let last = part.samples.last?.time, last > end { end = last }
        if let lastLap = laps.last {
            let lapEnd = lastLap.startTime.addingTimeInterval(lastLap.elapsedSeconds)
            if lapEnd > end { end = lapEnd }
        }
        let elapsed = end.timeIntervalSince(start)
        let moving = laps.isEmpty ? elapsed : laps.reduce(0) { $0 + $1.movingSeconds }
        let distance =
            part.samples.last(where: { $0.distanceMeters != nil })?.distanceMeters
            ?? laps.reduce(0) { $0 + $1.distanceMeters }
        let heartRates = part.samples.compactMap { $0.heartRate }
        let sport = part.laps.lazy.compactMap { $0.sport }.first ?? part.sportMessageSport
        let gain = part.laps.compactMap { $0.totalAscent }
        let loss = part.laps.compactMap { $0.totalDescent }
        let calories = part.laps.compactMap { $0.totalCalories }
        return DecodedActivity(
            sport: sport.map(FITProfile.sportName) ?? "unknown",
            subSport: part.sportMessageSubSport.map(FITProfile.subSportName),
            startTime: start, utcOffsetSeconds: utcOffset, elapsedSeconds: elapsed, movingSeconds: moving,
            distanceMeters: distance,
            averageHeartRate: heartRates.isEmpty ? nil : heartRates.reduce(0, +) / Double(heartRates.count),
            maxHeartRate: heartRates.max(),
            elevationGainMeters: gain.isEmpty ? nil : gain.reduce(0, +),
            elevationLossMeters: loss.isEmpty ? nil : loss.reduce(0, +),
            calories: calories.isEmpty ? nil : calories.reduce(0, +),
            laps: laps, samples: part.samples)
    }
}
