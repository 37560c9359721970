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
        // Guard the channel: protocol bytes go to a private copy of stdout; fd 1 becomes stderr,
        // so a stray write cannot corrupt the stream.
        let protocolOutput = dup(STDOUT_FILENO)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        signal(SIGPIPE, SIG_IGN)
        let logger = options.bootstrapLogging()
        let context = try options.openContext(logger: logger)
        let connection = JSONRPCConnection(
            service: GoFastService.make(context),
            configuration: .init(framing: framing, maximumMessageBytes: maxMessageBytes),
            outputFileDescriptor: protocolOutput, logger: logger
        )
        let code = connection.run(inputFileDescriptor: STDIN_FILENO)
        try? context.database.close()
        throw ExitCode(code)
    }
}

