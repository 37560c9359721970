/// Normalises sport names from the XML formats and converts FIT snake_case enum names to camelCase.
enum SportNames {
    /// Maps a TCX `Sport` attribute or GPX `<type>` to the FIT-style names used everywhere ("Biking" → "cycling").
    static func normalise(_ raw: String) -> String {
        let key = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            .replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        switch key {
        case "": return "unknown"
        case "running", "run", "trail_running", "trailrun", "treadmill_running": return "running"
        case "biking", "bike", "cycling", "ride", "road_biking", "mountain_biking", "virtualride", "virtual_ride": return "cycling"
        case "walking", "walk": return "walking"
        case "hiking", "hike": return "hiking"
        case "swimming", "swim", "open_water_swimming", "lap_swimming": return "swimming"
        case "other": return "other"
        default: return camelCase(key)
        }
    }

    /// `fitness_equipment` → `fitnessEquipment`.
    static func camelCase(_ snake: String) -> String {
        var out = ""
        out.reserveCapacity(snake.utf8.count)
        var upperNext = false
        for ch in snake {
            if ch == "_" {
                upperNext = !out.isEmpty
            } else if upperNext {
                out.append(contentsOf: ch.uppercased())
                upperNext = false
            } else {
                out.append(ch)
            }
        }
        return out
    }
}
