import ArgumentParser
import Foundation
import GoFastServer
import JSONRPC
import Logging
import TrainingStore
#if canImport(Glibc)
import Glibc
#endif

/// `gofast serve`: JSON-RPC 2.0 on stdin/stdout.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve JSON-RPC 2.0 on stdin/stdout (the default).")

    @OptionGroup var options: CommonOptions

    @Option(help: "Force a framing instead of detecting it: content-length or newline.")
    var framing: Framing?

    @Option(help: "Largest message accepted, in bytes; bigger ones are refused without being read into memory.")
    var maxMessageBytes: Int = 64 << 20

    func validate() throws {
        guard maxMessageBytes >= 1024 else { throw ValidationError("--max-message-bytes must be at least 1024") }
    }

    func run() throws {
        throw ExitCode(StdioServing.run(settings: options.settings, framing: framing, maximumMessageBytes: maxMessageBytes, service: GoFastService.make))
    }
}

