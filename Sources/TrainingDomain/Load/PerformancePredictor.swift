/// Predicts race times from the athlete's own recent runs, else from the 5K time on the profile.
///
/// The VDOT is the highest Daniels–Gilbert VDOT among the race-like efforts of the last 42 days (the day 41 days
/// before `today` through `today`): runs of 3 to 42.2 km that executed a planned race day, or whose average heart
/// rate was at least 88 % of the athlete's max (Daniels' threshold intensity: a run held that hard for 3 km or more is a
/// race or a time trial). VDOTs outside 15–85 are ignored as GPS or timer errors. Ties go to the more recent run.
/// Without such a run the VDOT comes from `fiveKTimeSeconds` (`source: .profile`).
public enum PerformancePredictor {
    /// Length of the look-back window in days, today included.
    public static let windowDays = 42
    /// Distances a run must cover to count as race-like, in metres (3 km … 42.2 km).
    public static let raceLikeDistanceMeters: ClosedRange<Double> = 3_000...42_200
    /// Fraction of max heart rate an average must reach for a run to count as race-like.
    public static let raceLikeFractionOfMaxHeartRate = 0.88
    /// VDOTs accepted from a run or a profile.
    public static let plausibleVDOT: ClosedRange<Double> = 15...85
    /// The predicted distances: 5K, 10K, half marathon, marathon.
    public static let predictedDistancesMeters: [Double] = [5_000, 10_000, 21_097.5, 42_195]

    /// The prediction for today.
    ///
    /// - Parameters:
    ///   - candidates: the athlete's runs (any dates; those outside the window are ignored).
    ///   - maxHeartRate: the athlete's max heart rate; without it only race days count.
    ///   - fiveKTimeSeconds: the athlete's 5K time, the fallback.
    ///   - today: the athlete's local today.
    public static func predict(
        candidates: some Sequence<RaceEffortCandidate>, maxHeartRate: Int?, fiveKTimeSeconds: Double?, today: CalendarDate
    ) throws(PredictionError) -> PerformancePrediction {
        if let (effort, vdot) = bestEffort(candidates: candidates, maxHeartRate: maxHeartRate, today: today) {
            return PerformancePrediction(vdot: vdot, source: .activity(effort), predictions: predictions(vdot: vdot))
        }
        guard let fiveK = fiveKTimeSeconds, fiveK.isFinite, fiveK > 0 else {
            throw .noRaceLikeRunAndNoFiveK(maxHeartRateKnown: maxHeartRate.map { $0 > 0 } ?? false)
        }
        let vdot = VDOT.from(distanceMeters: 5_000, timeSeconds: fiveK)
        guard plausibleVDOT.contains(vdot) else { throw .implausibleFiveK(timeSeconds: fiveK) }
        return PerformancePrediction(vdot: vdot, source: .profile, predictions: predictions(vdot: vdot))
    }

    /// The prediction for today from recorded activities; `raceDayActivityIds` are the runs that executed a race day.
    public static func predict(
        activities: some Sequence<Activity>, raceDayActivityIds: Set<String>, maxHeartRate: Int?, fiveKTimeSeconds: Double?, today: CalendarDate
    ) throws(PredictionError) -> PerformancePrediction {
        let candidates = activities.compactMap { RaceEffortCandidate(activity: $0, isRaceDay: raceDayActivityIds.contains($0.id)) }
        return try predict(candidates: candidates, maxHeartRate: maxHeartRate, fiveKTimeSeconds: fiveKTimeSeconds, today: today)
    }

    /// The race-like effort with the highest VDOT in the window, with that VDOT.
    public static func bestEffort(candidates: some Sequence<RaceEffortCandidate>, maxHeartRate: Int?, today: CalendarDate) -> (RaceEffort, Double)? {
        let earliest = today.adding(days: -(windowDays - 1))
        var best: (RaceEffort, Double)?
        for candidate in candidates where isRaceLike(candidate, maxHeartRate: maxHeartRate) {
            let effort = candidate.effort
            guard effort.date >= earliest, effort.date <= today else { continue }
            let vdot = VDOT.from(distanceMeters: effort.distanceMeters, timeSeconds: effort.movingSeconds)
            guard vdot.isFinite, plausibleVDOT.contains(vdot) else { continue }
            if let current = best {
                let better = vdot > current.1
                    || vdot == current.1 && (effort.date > current.0.date || effort.date == current.0.date && effort.activityId > current.0.activityId)
                if !better { continue }
            }
            best = (effort, vdot)
        }
        return best
    }

    /// Whether `candidate` is race-like by distance and by race day or heart rate (dates are not checked here).
    public static func isRaceLike(_ candidate: RaceEffortCandidate, maxHeartRate: Int?) -> Bool {
        let effort = candidate.effort
        guard effort.distanceMeters.isFinite, raceLikeDistanceMeters.contains(effort.distanceMeters),
              effort.movingSeconds.isFinite, effort.movingSeconds > 0 else { return false }
        if candidate.isRaceDay { return true }
        guard let max = maxHeartRate, max > 0, let average = candidate.averageHeartRate, average.isFinite else { return false }
        return average >= raceLikeFractionOfMaxHeartRate * Double(max)
    }

    /// Predicted 5K, 10K, half-marathon and marathon times for `vdot`.
    public static func predictions(vdot: Double) -> [PredictedRaceTime] {
        predictedDistancesMeters.map { PredictedRaceTime(distanceMeters: $0, timeSeconds: RacePredictor.time(vdot: vdot, distanceMeters: $0)) }
    }
}
