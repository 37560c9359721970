// A hand-written serialiser gives the stored `plannedData` text without a generic encoder per row.

extension PlannedWorkout {
    /// The workout as compact JSON with sorted keys, the same document `Codable` reads back.
    public var jsonText: String {
        var writer = CompactJSON()
        writer.object { object in
            object.number("distanceMeters", distanceMeters)
            object.number("durationSeconds", durationSeconds)
            object.string("description", description)
            if let heartRateZone { object.number("heartRateZone", Double(heartRateZone)) }
            object.array("segments", segments) { $0.write(segment: $1) }
            if let targetPace { object.raw("targetPace") { $0.write(pace: targetPace) } }
            object.string("title", title)
            object.string("type", type.rawValue)
        }
        return writer.text
    }
}

/// A minimal JSON writer for the types above; keys are written in the order given (callers sort them).
struct CompactJSON {
    private(set) var text = ""

    mutating func object(_ body: (inout ObjectWriter) -> Void) {
        var object = ObjectWriter()
        body(&object)
        text += "{" + object.members.joined(separator: ",") + "}"
    }

    mutating func write(pace: PaceRange) {
        object { $0.number("maxSecondsPerKm", pace.maxSecondsPerKm); $0.number("minSecondsPerKm", pace.minSecondsPerKm) }
    }

    mutating func write(segment: WorkoutSegment) {
        object { object in
            if let distance = segment.distanceMeters { object.number("distanceMeters", distance) }
            if let duration = segment.durationSeconds { object.number("durationSeconds", duration) }
            if let zone = segment.heartRateZone { object.number("heartRateZone", Double(zone)) }
            object.string("kind", segment.kind.rawValue)
            if let note = segment.note { object.string("note", note) }
            if let repeats = segment.repeats { object.number("repeats", Double(repeats)) }
            if let steps = segment.steps { object.array("steps", steps) { $0.write(segment: $1) } }
            if let pace = segment.targetPace { object.raw("targetPace") { $0.write(pace: pace) } }
        }
    }

    /// Writes the members of one object.
    struct ObjectWriter {
        var members: [String] = []

        mutating func number(_ key: String, _ value: Double) {
            members.append(CompactJSON.quoted(key) + ":" + CompactJSON.number(value))
        }

        mutating func string(_ key: String, _ value: String) {
            members.append(CompactJSON.quoted(key) + ":" + CompactJSON.quoted(value))
        }

        mutating func raw(_ key: String, _ body: (inout CompactJSON) -> Void) {
            var nested = CompactJSON()
            body(&nested)
            members.append(CompactJSON.quoted(key) + ":" + nested.text)
        }

        mutating func array<Element>(_ key: String, _ elements: [Element], _ body: (inout CompactJSON, Element) -> Void) {
            var parts: [String] = []
            for element in elements {
                var nested = CompactJSON()
                body(&nested, element)
                parts.append(nested.text)
            }
            members.append(CompactJSON.quoted(key) + ":[" + parts.joined(separator: ",") + "]")
        }
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
        return "\(value)"
    }

    static func quoted(_ text: String) -> String {
        var needsEscaping = false
        for byte in text.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            needsEscaping = true
            break
        }
        guard needsEscaping else { return "\"" + text + "\"" }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
