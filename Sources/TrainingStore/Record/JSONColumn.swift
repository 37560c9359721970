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

    /// The same text as UTF-8 bytes, bound as text without a `String` in between (a plan's days).
    static func utf8Text(_ workout: PlannedWorkout) -> UTF8Text {
        UTF8Text(bytes: workout.jsonUTF8)
    }

    /// An analysis's column text by the domain's hand-written serialiser (one per matched run of a sync), which
    /// writes what `Codable` reads back, as tests check on analyses of every kind.
    static func text(_ analysis: ExecutionAnalysis) -> String {
        analysis.jsonText
    }

    /// A training load's column text by the domain's hand-written serialiser (one per activity of a sync).
    static func text(_ load: TrainingLoad) -> String {
        load.jsonText
    }

    /// Training days' column text (`["tue","thu","sun"]`), written by hand: the text the encoder writes, for the
    /// plan row `plan.generate` stores.
    static func text(_ days: [Weekday]) -> String {
        "[" + days.map { "\"" + $0.rawValue + "\"" }.joined(separator: ",") + "]"
    }

    /// An array's column text; an empty array is `[]` without running the encoder.
    static func text<Element: Encodable>(_ values: [Element]) throws -> String {
        values.isEmpty ? "[]" : String(decoding: try shared.encode(values), as: UTF8.self)
    }
}
