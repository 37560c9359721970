/// The five Daniels training paces, each a range in seconds per km (`minSecondsPerKm` is the faster end).
///
/// Source: Jack Daniels, *Daniels' Running Formula*, 3rd ed. (Human Kinetics, 2014), chapters 4–5.
public struct TrainingPaces: Sendable, Hashable, Codable {
    /// Easy (E): warm-ups, cool-downs, recovery, easy and long runs.
    public var easy: PaceRange
    /// Marathon (M): marathon race pace, for steady marathon-pace work.
    public var marathon: PaceRange
    /// Threshold (T): "comfortably hard", tempo runs and cruise intervals.
    public var threshold: PaceRange
    /// Interval (I): VO2max work in 3–5 minute repeats.
    public var interval: PaceRange
    /// Repetition (R): short fast repeats for speed and economy.
    public var repetition: PaceRange

    /// Creates a set of paces.
    public init(easy: PaceRange, marathon: PaceRange, threshold: PaceRange, interval: PaceRange, repetition: PaceRange) {
        self.easy = easy
        self.marathon = marathon
        self.threshold = threshold
        self.interval = interval
        self.repetition = repetition
    }
}
