/// Why a planned workout cannot be written as a FIT workout file.
public enum FITWorkoutEncodingError: Error, Hashable, Sendable {
    /// The workout has no step a watch can run (a rest day, or only empty repeats).
    case noSteps
    /// More steps than a FIT `message_index` can number.
    case tooManySteps(Int)
    /// `timeCreated` lies outside what a FIT `date_time` can hold (1990 … 2126).
    case timeCreatedOutOfRange(Int64)
}
