import ArgumentParser
import Foundation
import GoFastServer
import JSONRPC
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Serving a service on stdin/stdout, shared by `gofast serve` and `gofast mcp`.
enum StdioServing {
    /// Guards the channel (protocol bytes go to a private copy of stdout and fd 1 becomes stderr, so a stray write
    /// cannot corrupt the stream), opens the database, serves until the input ends, and exits with the session's code.
    static func run(options: CommonOptions, framing: Framing?, maximumMessageBytes: Int, service: (ServerContext) -> RPCService) throws -> Never {
        let protocolOutput = dup(STDOUT_FILENO)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        signal(SIGPIPE, SIG_IGN)
        let logger = options.bootstrapLogging()
        let context = try options.openContext(logger: logger)
        let connection = JSONRPCConnection(
            service: service(context), configuration: .init(framing: framing, maximumMessageBytes: maximumMessageBytes),
            outputFileDescriptor: protocolOutput, logger: logger
        )
        let code = connection.run(inputFileDescriptor: STDIN_FILENO)
        try? context.database.close()
        throw ExitCode(code)
    }
}
