import Foundation

/// Distances, moving time and climbing computed the way gpxpy 1.6 computes them, so our figures match its.
enum GPXGeometry {
    /// gpxpy's Earth radius: the WGS84 semi-major axis in metres.
    static let earthRadius = 6_378_137.0
    /// Metres per degree of arc on that sphere.
    static let oneDegree = 2 * Double.pi * earthRadius / 360
    /// gpxpy's default stopped-speed threshold, in km/h.
    static let stoppedSpeedThresholdKmh = 1.0

    /// Haversine distance in metres.
    static func haversine(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let dLon = (lon1 - lon2) * .pi / 180
        let phi1 = lat1 * .pi / 180
        let phi2 = lat2 * .pi / 180
        let dLat = phi1 - phi2
        let a = pow(sin(dLat / 2), 2) + pow(sin(dLon / 2), 2) * cos(phi1) * cos(phi2)
        return earthRadius * 2 * asin(min(1, sqrt(a)))
    }

    /// gpxpy's `geo.distance`: haversine for points more than 0.2° apart, else a flat approximation;
    /// elevation counts only when both are known and differ (and never in the haversine branch).
    static func distance(
        _ lat1: Double, _ lon1: Double, _ ele1: Double?, _ lat2: Double, _ lon2: Double, _ ele2: Double?
    ) -> Double {
        if abs(lat1 - lat2) > 0.2 || abs(lon1 - lon2) > 0.2 { return haversine(lat1, lon1, lat2, lon2) }
        let coef = cos(lat1 * .pi / 180)
        let x = lat1 - lat2
        let y = (lon1 - lon2) * coef
        let d2 = sqrt(x * x + y * y) * oneDegree
        guard let ele1, let ele2, ele1 != ele2 else { return d2 }
        return sqrt(d2 * d2 + (ele1 - ele2) * (ele1 - ele2))
    }

    /// 2-D length of a polyline of points (gpxpy `length_2d`).
    static func length2D(_ points: [GPXPoint]) -> Double {
        guard points.count > 1 else { return 0 }
        var total = 0.0
        for i in 1..<points.count {
            let p = points[i - 1], q = points[i]
            total += distance(q.latitude, q.longitude, nil, p.latitude, p.longitude, nil)
        }
        return total
    }

    /// Moving time of one segment as gpxpy's `get_moving_data` computes it: a step counts as moving when both
    /// points have times, the time advances, the distance is non-zero and the speed exceeds 1 km/h
    /// (3-D distance when both elevations are non-zero, else 2-D).
    static func movingSeconds(_ points: [GPXPoint]) -> Double {
        guard points.count > 1 else { return 0 }
        var moving = 0.0
        for i in 1..<points.count {
            let p = points[i - 1], q = points[i]
            guard let t0 = p.time, let t1 = q.time else { continue }
            let seconds = t1.timeIntervalSince(t0)
            let bothElevations = (p.elevation ?? 0) != 0 && (q.elevation ?? 0) != 0
            let d = distance(
                q.latitude, q.longitude, bothElevations ? q.elevation : nil,
                p.latitude, p.longitude, bothElevations ? p.elevation : nil)
            guard seconds > 0, d != 0 else { continue }
            let speedKmh = (d / 1000) / (seconds / 3600)
            if speedKmh > stoppedSpeedThresholdKmh { moving += seconds }
        }
        return moving
    }

    /// gpxpy's smoothed uphill/downhill: missing elevations dropped, inner points smoothed 0.3/0.4/0.3.
    static func uphillDownhill(_ elevations: [Double]) -> (up: Double, down: Double) {
        let n = elevations.count
        guard n > 1 else { return (0, 0) }
        var smoothed = [Double](repeating: 0, count: n)
        for i in 0..<n {
            if i > 0, i < n - 1 {
                smoothed[i] = elevations[i - 1] * 0.3 + elevations[i] * 0.4 + elevations[i + 1] * 0.3
            } else {
                smoothed[i] = elevations[i]
            }
        }
        var up = 0.0, down = 0.0
        for i in 1..<n {
            let d = smoothed[i] - smoothed[i - 1]
            if d > 0 { up += d } else { down -= d }
        }
        return (up, down)
    }
}
