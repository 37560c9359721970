import JSONRPC
import TrainingDomain

/// `athlete.zones`: pace zones E, M, T, I, R from the current VDOT and the five heart-rate zones that match them.
enum AthleteZones: GoFastMethod {
    static let name = "athlete.zones"
    static let access = RPCMethod.Access.read

    static func handle(_ params: AthleteIdParams, _ call: MethodCall) async throws -> TrainingZones {
        let athlete = try await AthleteInputs.require(params.athleteId, call.context)
        let prediction = try await AthletePredict.prediction(for: athlete, call.context)
        return TrainingZones(vdot: prediction.vdot, maxHeartRate: athlete.maxHeartRate, restingHeartRate: athlete.restingHeartRate)
    }
}
