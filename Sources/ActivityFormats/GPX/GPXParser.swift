import Foundation

/// `XMLEventHandler` collecting GPX tracks (segments of points) and routes; names are matched without namespace prefix.
final class GPXParser: XMLEventHandler {
    /// Tracks → segments → points.
    var tracks: [[[GPXPoint]]] = []
    /// The `<type>` of each track (nil when absent).
    var trackTypes: [String?] = []
    /// Routes → points.
    var routes: [[GPXPoint]] = []
    /// Points skipped because their lat/lon could not be read.
    var badPoints = 0
    /// Whether the root element was `gpx`.
    var sawRoot = false

    private var stack: [Substring] = []
    private var point: GPXPoint?
    private var text = ""
    private var capturing = false

    func startElement(name elementName: String, attributes attributeDict: [String: String]) {
        let name = XMLInput.localName(elementName)
        if stack.isEmpty, name == "gpx" { sawRoot = true }
        let parent = stack.last
        stack.append(name)
        switch name {
        case "trk":
            tracks.append([])
            trackTypes.append(nil)
        case "trkseg":
            if !tracks.isEmpty { tracks[tracks.count - 1].append([]) }
        case "rte":
            routes.append([])
        case "trkpt", "rtept":
            if let lat = attributeDict["lat"].flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }),
                let lon = attributeDict["lon"].flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }),
                lat.isFinite, lon.isFinite
            {
                point = GPXPoint(latitude: lat, longitude: lon)
            } else {
                point = nil
                badPoints += 1
            }
        case "ele", "time", "hr", "cad":
            capturing = point != nil
            text = ""
        case "type":
            capturing = parent == "trk"
            text = ""
        default:
            break
        }
    }

    func characters(_ string: String) {
        if capturing { text += string }
    }

    func endElement(name elementName: String) {
        let name = XMLInput.localName(elementName)
        if !stack.isEmpty { stack.removeLast() }
        switch name {
        case "ele":
            if capturing { point?.elevation = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) }
        case "time":
            if capturing { point?.time = XMLTimestamp.parse(text) }
        case "hr":
            if capturing { point?.heartRate = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) }
        case "cad":
            if capturing { point?.cadence = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) }
        case "type":
            if capturing, !trackTypes.isEmpty {
                trackTypes[trackTypes.count - 1] = text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        case "trkpt":
            if let p = point, !tracks.isEmpty {
                if tracks[tracks.count - 1].isEmpty { tracks[tracks.count - 1].append([]) }
                let t = tracks.count - 1
                tracks[t][tracks[t].count - 1].append(p)
            }
            point = nil
        case "rtept":
            if let p = point, !routes.isEmpty { routes[routes.count - 1].append(p) }
            point = nil
        default:
            break
        }
        capturing = false
    }
}
