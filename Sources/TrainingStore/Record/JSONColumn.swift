import Foundation
import TrainingDomain

/// The store's one JSON encoder: every JSON column (`plannedData`, `analysis`, `laps`, `heartRateSamples`,
/// `preferredDays`) is written through it, with sorted keys, so equal values are stored as equal text.
enum JSONColumn {
    /// The encoder GRDB uses for the records' JSON columns.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }

    private static let shared = encoder

    /// The column text of a value.
    static func text<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try shared.encode(value), as: UTF8.self)
    }

    /// A workout's column text by its hand-written serialiser (hot path: every planned and executed day),
    /// which writes what `Codable` reads back, as tests check on every workout of real plans.
    static func text(_ workout: PlannedWorkout) -> String {
        workout.jsonText
    }

    /// A training load's column text, `{"method":…,"value":…}` (sorted keys, as the encoder writes it), without
    /// running the encoder: one per activity of a sync.
    static func text(_ load: TrainingLoad) -> String {
        let value = load.value.isFinite && load.value == load.value.rounded() && abs(load.value) < 9_007_199_254_740_992
            ? String(Int64(load.value)) : "\(load.value)"
        return #"{"method":"\#(load.method.rawValue)","value":\#(value)}"#
    }

    /// An array's column text; an empty array is `[]` without running the encoder.
    static func text<Element: Encodable>(_ values: [Element]) throws -> String {
        values.isEmpty ? "[]" : String(decoding: try shared.encode(values), as: UTF8.self)
    }
}
