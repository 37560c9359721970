import TrainingDomain

/// Plain-text renderings of workouts shared by the calendar and the report: paces as min:ss/km, distances, steps.
///
/// No Foundation formatters: the same text on every machine and locale.
enum WorkoutText {
    /// `4:35` for 275 seconds, `1:02:03` from one hour on; `–` when not a finite non-negative number.
    static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0, seconds < 1e9 else { return "–" }
        let total = Int(seconds.rounded())
        let hours = total / 3600, minutes = total % 3600 / 60, secs = total % 60
        if hours > 0 { return "\(hours):\(pad(minutes)):\(pad(secs))" }
        return "\(minutes):\(pad(secs))"
    }

    /// `4:10–4:16/km`, or `4:10/km` when both ends are the same.
    static func paceRange(_ range: PaceRange) -> String {
        let low = clock(range.minSecondsPerKm), high = clock(range.maxSecondsPerKm)
        return low == high ? "\(low)/km" : "\(low)–\(high)/km"
    }

    /// `800 m` below 1 km or when not a whole number of 100 m below 10 km (`1609 m`), else `1.9 km`, `12 km`, `12.5 km`.
    static func distance(_ meters: Double) -> String {
        guard meters.isFinite, meters >= 0, meters < 1e9 else { return "–" }
        let whole = Int(meters.rounded())
        if whole < 1000 || (whole < 10_000 && whole % 100 != 0) { return "\(whole) m" }
        return "\(kilometers(meters)) km"
    }

    /// `12` or `12.5`: kilometres with at most one decimal.
    static func kilometers(_ meters: Double) -> String {
        guard meters.isFinite, abs(meters) < 1e12 else { return "–" }
        let tenths = Int((meters / 100).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// `90 s`, `45 min`, `1 h 05 min`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0, seconds < 1e9 else { return "–" }
        if seconds < 120, seconds.rounded().truncatingRemainder(dividingBy: 60) != 0 { return "\(Int(seconds.rounded())) s" }
        let minutes = Int((seconds / 60).rounded())
        if minutes < 60 { return "\(minutes) min" }
        return "\(minutes / 60) h \(pad(minutes % 60)) min"
    }

    /// The name runners use for a step kind.
    static func label(_ kind: SegmentKind) -> String {
        switch kind {
        case .warmUp: "Warm-up"
        case .steady: "Run"
        case .work: "Work"
        case .recovery: "Recovery"
        case .coolDown: "Cool-down"
        case .repeat: "Repeat"
        }
    }

    /// One step in words: `Work 1 km at 4:10–4:16/km (stride)`; a repeat is `Repeat 6 times:` (its steps follow on their own lines).
    static func step(_ segment: WorkoutSegment) -> String {
        if segment.kind == .repeat { return "Repeat \(segment.repeats ?? 1) times:" }
        var text = label(segment.kind)
        if let meters = segment.distanceMeters, meters > 0 {
            text += " " + distance(meters)
        } else if let seconds = segment.durationSeconds, seconds > 0 {
            text += " " + duration(seconds)
        }
        if let pace = segment.targetPace {
            text += " at " + paceRange(pace)
        } else if let zone = segment.heartRateZone {
            text += " in heart-rate zone \(zone)"
        }
        if let note = segment.note, !note.isEmpty { text += " (\(note))" }
        return text
    }

    /// The steps as indented list lines, repeats' steps indented under them: `- Repeat 6 times:` / `  - Work 1 km at …`.
    static func stepLines(_ segments: [WorkoutSegment], depth: Int = 0) -> [String] {
        var lines: [String] = []
        let indent = String(repeating: "  ", count: depth)
        for segment in segments {
            lines.append("\(indent)- \(step(segment))")
            if segment.kind == .repeat, let steps = segment.steps, depth < 8 {
                lines += stepLines(steps, depth: depth + 1)
            }
        }
        return lines
    }

    /// Two-digit zero padding.
    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
