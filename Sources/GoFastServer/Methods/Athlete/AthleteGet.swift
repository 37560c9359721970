import JSONRPC
import TrainingDomain

/// `athlete.get`: one athlete by id. The hottest read: a plain request is answered from its raw bytes on the
/// connection's reader thread (`scannedRead`: no parse tree, no task, the store's dedicated read connection, the
/// result written straight to bytes); any other request inline (`inlineRead`) when no write is pending.
enum AthleteGet: GoFastMethod {
    static let name = "athlete.get"
    static let access = RPCMethod.Access.read

    static func handle(_ params: IdParams, _ call: MethodCall) async throws -> Athlete {
        try read(params, call.context)
    }

    static func rpcMethod(_ context: ServerContext) -> RPCMethod {
        RPCMethod(
            name,
            inlineRead: { request in try encode(try read(try params(of: request), context)) },
            scannedRead: { params in
                // `{"id":"…"}` with a plain id, an athlete found, and no store error: anything else is declined and
                // answered by the general path, with its errors.
                guard let id = JSONScanner.onlyPlainStringMember("id", of: params),
                      let athlete = try? context.database.athleteNow(id: id)
                else { return nil }
                return encodeDirectly(athlete)
            }
        )
    }

    private static func read(_ params: IdParams, _ context: ServerContext) throws -> Athlete {
        guard let athlete = try context.database.athleteNow(id: params.id) else { throw RPCError.notFound("athlete", id: params.id) }
        return athlete
    }

    /// The athlete's bytes, the same as its `Codable` encoding (`AthleteGetTests` compares them), written directly.
    static func encodeDirectly(_ athlete: Athlete) -> EncodedJSON? {
        var object = JSONObjectWriter(capacity: 320)
        object.member("id", athlete.id)
        object.member("name", athlete.name)
        object.member("email", athlete.email)
        object.member("timeZone", athlete.timeZone)
        object.member("fiveKTimeSeconds", athlete.fiveKTimeSeconds)
        object.member("maxHeartRate", athlete.maxHeartRate)
        object.member("restingHeartRate", athlete.restingHeartRate)
        object.member("thresholdPaceSecondsPerKm", athlete.thresholdPaceSecondsPerKm)
        object.member("thresholdHeartRate", athlete.thresholdHeartRate)
        object.member("createdAt", athlete.createdAt)
        object.member("updatedAt", athlete.updatedAt)
        return object.finish()
    }
}
