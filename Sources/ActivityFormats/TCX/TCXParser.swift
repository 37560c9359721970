import Foundation

/// One TCX trackpoint as read from the file.
struct TCXTrackpoint {
    var time: Date?
    var latitude: Double?
    var longitude: Double?
    var altitude: Double?
    var distance: Double?
    var heartRate: Double?
    var cadence: Double?
    var speed: Double?
}

/// One TCX lap as read from the file.
struct TCXLap {
    var startTime: Date?
    var totalTimeSeconds: Double?
    var distance: Double?
    var calories: Double?
    var averageHeartRate: Double?
    var maximumHeartRate: Double?
    var trackpoints: [TCXTrackpoint] = []
}

/// One TCX activity as read from the file.
struct TCXActivity {
    var sport: String?
    var id: Date?
    var laps: [TCXLap] = []
}

/// `XMLEventHandler` collecting TCX Activities → Laps → Trackpoints; names are matched without namespace prefix.
final class TCXParser: XMLEventHandler {
    /// Activities in file order.
    var activities: [TCXActivity] = []
    /// Whether the root element was `TrainingCenterDatabase`.
    var sawRoot = false
    /// Trackpoints read (with or without time).
    var trackpointCount = 0

    private var stack: [Substring] = []
    private var activity: TCXActivity?
    private var lap: TCXLap?
    private var point: TCXTrackpoint?
    private var text = ""

    func startElement(name elementName: String, attributes attributeDict: [String: String]) {
        let name = XMLInput.localName(elementName)
        if stack.isEmpty, name == "TrainingCenterDatabase" { sawRoot = true }
        let parent = stack.last
        stack.append(name)
        text = ""
        switch name {
        case "Activity" where parent == "Activities":
            activity = TCXActivity(sport: attributeDict["Sport"])
        case "Lap" where activity != nil:
            lap = TCXLap(startTime: attributeDict["StartTime"].flatMap(XMLTimestamp.parse))
        case "Trackpoint" where lap != nil:
            point = TCXTrackpoint()
            trackpointCount += 1
        default:
            break
        }
    }

    func characters(_ string: String) {
        text += string
    }

    private var number: Double? { Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) }

    func endElement(name elementName: String) {
        let name = XMLInput.localName(elementName)
        if !stack.isEmpty { stack.removeLast() }
        let parent = stack.last
        let grandparent = stack.count >= 2 ? stack[stack.count - 2] : nil
        switch name {
        case "Id" where parent == "Activity":
            activity?.id = XMLTimestamp.parse(text)
        case "TotalTimeSeconds" where parent == "Lap":
            lap?.totalTimeSeconds = number
        case "DistanceMeters" where parent == "Lap":
            lap?.distance = number
        case "DistanceMeters" where parent == "Trackpoint":
            point?.distance = number
        case "Calories" where parent == "Lap":
            lap?.calories = number
        case "Value" where parent == "AverageHeartRateBpm" && grandparent == "Lap":
            lap?.averageHeartRate = number
        case "Value" where parent == "MaximumHeartRateBpm" && grandparent == "Lap":
            lap?.maximumHeartRate = number
        case "Value" where parent == "HeartRateBpm" && grandparent == "Trackpoint":
            point?.heartRate = number
        case "Time" where parent == "Trackpoint":
            point?.time = XMLTimestamp.parse(text)
        case "LatitudeDegrees" where parent == "Position":
            point?.latitude = number
        case "LongitudeDegrees" where parent == "Position":
            point?.longitude = number
        case "AltitudeMeters" where parent == "Trackpoint":
            point?.altitude = number
        case "Cadence" where parent == "Trackpoint":
            point?.cadence = number
        case "RunCadence":
            if point != nil, point?.cadence == nil { point?.cadence = number }
        case "Speed":
            if point != nil { point?.speed = number }
        case "Trackpoint":
            if let p = point, lap != nil, trackpointCount <= DecodingLimits.maximumSamples { lap?.trackpoints.append(p) }
            point = nil
        case "Lap":
            if let l = lap { activity?.laps.append(l) }
            lap = nil
        case "Activity":
            if let a = activity { activities.append(a) }
            activity = nil
        default:
            break
        }
        text = ""
    }
}
