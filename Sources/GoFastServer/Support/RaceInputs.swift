import JSONRPC
import TrainingDomain

/// A validated race from params, shared by `race.create` and the inline races of `plan.generate` and `plan.create`.
enum RaceInputs {
    /// A validated race record; `fieldPrefix` is `race.` when the race is inline in another method's params.
    static func makeRace(
        id: String?, name: String, date: CalendarDate, distanceMeters: Double, location: String?, fieldPrefix: String, _ context: ServerContext
    ) throws(RPCError) -> Race {
        if let id { try Identifiers.validate(id, field: fieldPrefix + "id") }
        let name = try Validation.text(name, field: fieldPrefix + "name")
        let distance = try Validation.number(distanceMeters, in: 100...1_000_000, field: fieldPrefix + "distanceMeters", unit: "metres")
        let location = try location.map { value throws(RPCError) in try Validation.text(value, field: fieldPrefix + "location") }
        return Race(id: id ?? Identifiers.make("race"), name: name, date: date, distanceMeters: distance, location: location, createdAt: context.clock.timestamp())
    }
}
