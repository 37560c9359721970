// A hand-written serialiser gives the stored `plannedData` text without a generic encoder per row.

extension PlannedWorkout {
    /// The workout as compact JSON with sorted keys, the same document `Codable` reads back.
    public var jsonText: String {
        var writer = CompactJSON()
        writer.write(workout: self)
        return writer.text
    }
}

/// A minimal JSON writer into one byte buffer; keys are written in sorted order by construction.
struct CompactJSON {
    private var bytes: [UInt8] = []
    private var needsComma = false

    init() { bytes.reserveCapacity(1024) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

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
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        needsComma = false
    }

    private mutating func number(_ name: StaticString, _ value: Double) {
        key(name)
        let text: String
        if !value.isFinite {
            text = "0"
        } else if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            text = String(Int64(value))
        } else {
            text = "\(value)"
        }
        bytes.append(contentsOf: text.utf8)
        needsComma = true
    }

    private mutating func string(_ name: StaticString, _ value: String) {
        key(name)
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }
}
