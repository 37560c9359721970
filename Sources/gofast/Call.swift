import ArgumentParser
import Foundation
import GoFastServer
import JSONRPC
import Logging
import TrainingStore
#if canImport(Glibc)
import Glibc
#endif

/// `gofast call METHOD [PARAMS]`: one request against the database, result on stdout.
struct Call: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Call one method and print its result as JSON (errors go to stderr, exit code 1).",
        discussion: "Example: gofast call plan.active '{\"athleteId\":\"ath_1\"}'"
    )

    @OptionGroup var options: CommonOptions

    @Argument(help: "The method name, e.g. athlete.list.")
    var method: String

    @Argument(help: "The params as a JSON object; default {}.")
    var params: String = "{}"

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let logger = options.bootstrapLogging()
        let parsed: JSONValue
        do {
            parsed = try JSONParser.parse(Array(params.utf8))
        } catch {
            throw ValidationError("params are not JSON: \(error)")
        }
        let context = try options.openContext(logger: logger)
        let outcome = OneShot.call(service: GoFastService.make(context), method: method, params: parsed)
        try? context.database.close()
        switch outcome {
        case .success(let bytes):
            FileHandle.standardOutput.write(Data(bytes + [0x0A]))
        case .failure(let error):
            FileHandle.standardError.write(Data(JSONWriter.bytes(["error": error.jsonValue]) + [0x0A]))
            throw ExitCode(1)
        }
    }
}
