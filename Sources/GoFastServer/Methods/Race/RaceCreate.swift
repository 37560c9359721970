import JSONRPC
import TrainingDomain

/// `race.create`: a goal race with a name, a date and a distance.
enum RaceCreate: GoFastMethod {
    static let name = "race.create"
    static let access = RPCMethod.Access.write
    static let isIdempotent = true

    struct Params: Decodable {
        var id: String?
        var name: String
        var date: CalendarDate
        var distanceMeters: Double
        var location: String?
    }

    static func handle(_ params: Params, _ call: MethodCall) async throws -> Race {
        let race = try RaceInputs.makeRace(
            id: params.id, name: params.name, date: params.date, distanceMeters: params.distanceMeters,
            location: params.location, fieldPrefix: "", call.context
        )
        return try await call.database.insertRace(race)
    }
}
