/// Text formatting for titles and descriptions (no Foundation formatters: deterministic, locale-free).
enum Format {
    /// `4:35/km` for 275 s/km.
    static func pace(_ secondsPerKm: Double) -> String {
        "\(clock(secondsPerKm))/km"
    }

    /// `4:32–4:38/km` for a range.
    static func paceRange(_ range: PaceRange) -> String {
        "\(clock(range.minSecondsPerKm))–\(clock(range.maxSecondsPerKm))/km"
    }

    /// `m:ss`, or `h:mm:ss` from one hour on.
    static func clock(_ seconds: Double) -> String {
        let total = int(seconds)
        let hours = total / 3600, minutes = total % 3600 / 60, secs = total % 60
        if hours > 0 { return "\(hours):\(pad(minutes)):\(pad(secs))" }
        return "\(minutes):\(pad(secs))"
    }

    /// `45 min`, `1 h 05 min`.
    static func duration(_ seconds: Double) -> String {
        let minutes = int(seconds / 60)
        if minutes < 60 { return "\(minutes) min" }
        return "\(minutes / 60) h \(pad(minutes % 60)) min"
    }

    /// `12`, `12.5` (kilometres, at most one decimal).
    static func kilometers(_ meters: Double) -> String {
        let tenths = int(meters / 100)
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    /// `800 m` below 2 km, else `3 km` / `1.6 km`.
    static func distance(_ meters: Double) -> String {
        meters < 2_000 && int(meters) % 1000 != 0 ? "\(int(meters)) m" : "\(kilometers(meters)) km"
    }

    /// Rounds to an Int that cannot trap: non-finite is 0, magnitudes are capped at 10^12.
    static func int(_ value: Double) -> Int {
        value.isFinite ? Int(min(max(value, -1e12), 1e12).rounded()) : 0
    }

    /// Two-digit zero padding.
    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// One decimal: `45.1`.
    static func oneDecimal(_ value: Double) -> String {
        let tenths = int(value * 10)
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
