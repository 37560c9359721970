import TrainingDomain

/// Text for HTML and SVG: escaping, coordinates and dates written without Foundation formatters.
enum HTMLText {
    /// `text` safe in element content and in double- or single-quoted attributes; control characters dropped.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\n", "\t": escaped.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// An SVG coordinate with at most one decimal (`12.5`, `-3`, `0`); non-finite values are 0.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((min(max(value, -1e9), 1e9) * 10).rounded())
        let magnitude = abs(tenths)
        let sign = tenths < 0 ? "-" : ""
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// English month abbreviations.
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    /// English weekday abbreviations, Monday first.
    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// `Sun 27 Sep 2026`.
    static func longDate(_ date: CalendarDate) -> String {
        let (year, month, day) = date.components
        return "\(weekdays[date.weekday.mondayBasedIndex]) \(day) \(months[month - 1]) \(year)"
    }

    /// `Tue 2 Jun`.
    static func shortDate(_ date: CalendarDate) -> String {
        let (_, month, day) = date.components
        return "\(weekdays[date.weekday.mondayBasedIndex]) \(day) \(months[month - 1])"
    }

    /// `2 Jun`.
    static func dayMonth(_ date: CalendarDate) -> String {
        let (_, month, day) = date.components
        return "\(day) \(months[month - 1])"
    }

    /// The phase's name as a CSS class suffix and a label (`base`, `Base`).
    static func phaseLabel(_ phase: TrainingPhase?) -> String {
        switch phase {
        case .base: "Base"
        case .build: "Build"
        case .peak: "Peak"
        case .taper: "Taper"
        case nil: "Plan"
        }
    }

    /// The phase's CSS class suffix.
    static func phaseClass(_ phase: TrainingPhase?) -> String { phase?.rawValue ?? "none" }

    /// A short name for a kind of day (`Easy`, `Long`, `Tempo` …) and its one- or two-letter form for narrow screens.
    static func typeLabel(_ type: WorkoutType) -> (long: String, short: String) {
        switch type {
        case .rest: ("Rest", "–")
        case .easy: ("Easy", "E")
        case .recovery: ("Recovery", "Rc")
        case .long: ("Long run", "L")
        case .threshold: ("Threshold", "T")
        case .intervals: ("Intervals", "I")
        case .marathonPace: ("M pace", "M")
        case .hills: ("Hills", "H")
        case .strides: ("Strides", "S")
        case .race: ("Race", "Race")
        case .crossTraining: ("Cross", "X")
        }
    }
}
