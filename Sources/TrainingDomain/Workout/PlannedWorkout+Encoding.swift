// Hand-written serialisers give the stored `plannedData`, `analysis` and `trainingLoad` texts without a generic
// encoder per row.

extension PlannedWorkout {
    /// The workout as compact JSON with sorted keys, the same document `Codable` reads back.
    public var jsonText: String { String(decoding: jsonUTF8, as: UTF8.self) }

    /// The same document as UTF-8 bytes, for a writer that takes bytes: making a `String` of them checks every byte
    /// again (~15 instructions a byte for these texts, with their dashes and multiplication signs).
    public var jsonUTF8: [UInt8] {
        var writer = CompactJSON()
        writer.write(workout: self)
        return writer.utf8
    }
}

extension TrainingLoad {
    /// The load as compact JSON with sorted keys (`{"method":"rTSS","value":62.5}`), the document `Codable` reads back.
    public var jsonText: String {
        var writer = CompactJSON(capacity: 48)
        writer.write(load: self)
        return writer.text
    }
}

extension ExecutionAnalysis {
    /// The analysis as compact JSON with sorted keys, absent values left out: the document `Codable` reads back
    /// (stored for every matched run; Foundation's encoder took ~150k instructions for one).
    public var jsonText: String {
        var writer = CompactJSON(capacity: 768)
        writer.write(analysis: self)
        return writer.text
    }
}

/// A minimal JSON writer into one byte buffer; keys are written in sorted order by construction.
struct CompactJSON {
    private var bytes: [UInt8] = []
    private var needsComma = false

    /// A writer with room for `capacity` bytes (a workout is under 1 KB; a load about 30 bytes).
    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The bytes written: UTF-8 by construction (ASCII punctuation and numbers, and the UTF-8 of Swift strings).
    var utf8: [UInt8] { bytes }

    mutating func write(workout: PlannedWorkout) {
        open()
        number("distanceMeters", workout.distanceMeters)
        number("durationSeconds", workout.durationSeconds)
        string("description", workout.description)
        if let zone = workout.heartRateZone { number("heartRateZone", Double(zone)) }
        key("segments")
        writeArray(workout.segments)
        if let effort = workout.targetEffort { string("targetEffort", effort) }
        if let band = workout.targetHeartRateZone { key("targetHeartRateZone"); write(band: band) }
        if let pace = workout.targetPace { key("targetPace"); write(pace: pace) }
        string("title", workout.title)
        string("type", workout.type.rawValue)
        close()
    }

    mutating func write(analysis: ExecutionAnalysis) {
        open()
        number("actualDistanceMeters", analysis.actualDistanceMeters)
        number("actualDurationSeconds", analysis.actualDurationSeconds)
        string("advice", analysis.advice)
        if let pace = analysis.averagePaceSecondsPerKm { number("averagePaceSecondsPerKm", pace) }
        string("color", analysis.color.rawValue)
        number("complianceScore", Double(analysis.complianceScore))
        if let ratio = analysis.distanceRatio { number("distanceRatio", ratio) }
        if let ratio = analysis.durationRatio { number("durationRatio", ratio) }
        if let zones = analysis.heartRateZones {
            key("heartRateZones")
            writeArray(zones) { writer, zone in writer.write(zoneTime: zone) }
        }
        string("intensity", analysis.intensity.rawValue)
        key("intervals")
        writeArray(analysis.intervals) { writer, interval in writer.write(interval: interval) }
        if let assessment = analysis.paceAssessment { string("paceAssessment", assessment.rawValue) }
        number("plannedDistanceMeters", analysis.plannedDistanceMeters)
        number("plannedDurationSeconds", analysis.plannedDurationSeconds)
        string("summary", analysis.summary)
        if let pace = analysis.targetPace { key("targetPace"); write(pace: pace) }
        if let load = analysis.trainingLoad { key("trainingLoad"); write(load: load) }
        string("verdict", analysis.verdict.rawValue)
        close()
    }

    private mutating func write(interval: IntervalAnalysis) {
        open()
        number("actualDistanceMeters", interval.actualDistanceMeters)
        number("actualDurationSeconds", interval.actualDurationSeconds)
        if let pace = interval.actualPaceSecondsPerKm { number("actualPaceSecondsPerKm", pace) }
        number("lapIndex", Double(interval.lapIndex))
        if let assessment = interval.paceAssessment { string("paceAssessment", assessment.rawValue) }
        if let distance = interval.plannedDistanceMeters { number("plannedDistanceMeters", distance) }
        if let duration = interval.plannedDurationSeconds { number("plannedDurationSeconds", duration) }
        number("repetition", Double(interval.repetition))
        if let pace = interval.targetPace { key("targetPace"); write(pace: pace) }
        close()
    }

    private mutating func write(zoneTime: HeartRateZoneTime) {
        open()
        number("maxBeatsPerMinute", Double(zoneTime.maxBeatsPerMinute))
        number("minBeatsPerMinute", Double(zoneTime.minBeatsPerMinute))
        number("seconds", zoneTime.seconds)
        number("zone", Double(zoneTime.zone))
        close()
    }

    private mutating func writeArray<Element>(_ elements: [Element], _ write: (inout CompactJSON, Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            write(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    mutating func write(load: TrainingLoad) {
        open()
        string("method", load.method.rawValue)
        number("value", load.value)
        close()
    }

    private mutating func write(pace: PaceRange) {
        open()
        number("maxSecondsPerKm", pace.maxSecondsPerKm)
        number("minSecondsPerKm", pace.minSecondsPerKm)
        close()
    }

    private mutating func write(band: HeartRateTarget) {
        open()
        number("maxPercentOfMax", Double(band.maxPercentOfMax))
        number("minPercentOfMax", Double(band.minPercentOfMax))
        number("zone", Double(band.zone))
        close()
    }

    private mutating func writeArray(_ segments: [WorkoutSegment]) {
        bytes.append(UInt8(ascii: "["))
        for (index, segment) in segments.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            write(segment: segment)
        }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    private mutating func write(segment: WorkoutSegment) {
        open()
        if let distance = segment.distanceMeters { number("distanceMeters", distance) }
        if let duration = segment.durationSeconds { number("durationSeconds", duration) }
        if let zone = segment.heartRateZone { number("heartRateZone", Double(zone)) }
        string("kind", segment.kind.rawValue)
        if let note = segment.note { string("note", note) }
        if let repeats = segment.repeats { number("repeats", Double(repeats)) }
        if let steps = segment.steps { key("steps"); writeArray(steps) }
        if let effort = segment.targetEffort { string("targetEffort", effort) }
        if let band = segment.targetHeartRateZone { key("targetHeartRateZone"); write(band: band) }
        if let pace = segment.targetPace { key("targetPace"); write(pace: pace) }
        close()
    }

    private mutating func open() {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    private mutating func close() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    private mutating func key(_ name: StaticString) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    private mutating func number(_ name: StaticString, _ value: Double) {
        key(name)
        if !value.isFinite {
            bytes.append(UInt8(ascii: "0"))
        } else if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            integer(Int64(value))
        } else {
            bytes.append(contentsOf: "\(value)".utf8)
        }
        needsComma = true
    }

    /// Appends the decimal digits of `value` without building a string.
    private mutating func integer(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    private mutating func string(_ name: StaticString, _ value: String) {
        key(name)
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Runs of bytes that need no escape are copied at once.
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte == 0x22 || byte == 0x5C || byte < 0x20 else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                bytes.append(0x5C)
                switch byte {
                case 0x22, 0x5C: bytes.append(byte)
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    let hex: StaticString = "0123456789abcdef"
                    bytes.append(UInt8(ascii: "u"))
                    bytes.append(0x30)
                    bytes.append(0x30)
                    bytes.append(hex.utf8Start[Int(byte >> 4)])
                    bytes.append(hex.utf8Start[Int(byte & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }
}
