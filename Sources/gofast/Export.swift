import ArgumentParser
import Foundation
import GoFastServer
import JSONRPC
#if canImport(Glibc)
import Glibc
#endif

/// `gofast export`: a plan as a FIT workout (one day), an ICS calendar or an HTML report, written to a file or stdout.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a plan: --format fit (one day's workout for a watch), ics (calendar) or html (report).",
        discussion: "Example: gofast export --plan quickstart-plan-2026-11-23 --format ics -o plan.ics"
    )

    @OptionGroup var options: CommonOptions

    @Option(help: "The plan's id.")
    var plan: String

    @Option(help: "fit, ics or html.")
    var format: String

    @Option(help: "The planned day (YYYY-MM-DD); required for fit.")
    var date: String?

    @Option(help: "First day to include (YYYY-MM-DD), for ics and html.")
    var from: String?

    @Option(help: "Last day to include (YYYY-MM-DD), for ics and html.")
    var to: String?

    @Option(name: .shortAndLong, help: "The file to write; stdout when absent.")
    var output: String?

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let logger = options.bootstrapLogging()
        var params: [String: JSONValue] = ["planId": .string(plan), "format": .string(format)]
        if let date { params["date"] = .string(date) }
        if let from { params["from"] = .string(from) }
        if let to { params["to"] = .string(to) }
        let context = try options.openContext(logger: logger)
        let outcome = OneShot.call(service: GoFastService.make(context), method: "plan.export", params: .object(params))
        try? context.database.close()
        let result: JSONValue
        switch outcome {
        case .success(let bytes):
            result = (try? JSONParser.parse(bytes)) ?? .null
        case .failure(let error):
            FileHandle.standardError.write(Data(JSONWriter.bytes(["error": error.jsonValue]) + [0x0A]))
            throw ExitCode(1)
        }
        let content: Data
        if case .string(let base64)? = result["contentBase64"], let decoded = Data(base64Encoded: base64) {
            content = decoded
        } else if case .string(let text)? = result["text"] {
            content = Data(text.utf8)
        } else {
            FileHandle.standardError.write(Data("the export has no content\n".utf8))
            throw ExitCode(1)
        }
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: content) else {
                FileHandle.standardError.write(Data("cannot write \(output)\n".utf8))
                throw ExitCode(1)
            }
        } else {
            FileHandle.standardOutput.write(content)
        }
    }
}
