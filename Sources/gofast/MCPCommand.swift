import ArgumentParser
import Foundation
import GoFastServer
import JSONRPC
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// `gofast mcp`: the same engine as a Model Context Protocol server on stdin/stdout, for AI assistants.
struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the Model Context Protocol on stdin/stdout (newline-delimited JSON-RPC), for AI assistants.",
        discussion: """
            Every gofast method a person would ask for is an MCP tool named with _ for . (plan_generate,
            plan_active, activity_ingest, …), with its JSON Schema from protocol/openrpc.json. Resources:
            gofast://athletes, gofast://athletes/{id}/active-plan, gofast://plans/{id}/days,
            gofast://plans/{id}/progress. Prompts: todays-workout, weekly-review, race-readiness.
            stdout carries MCP messages only; logs go to stderr.

            Client configuration (Claude Desktop and most MCP clients):
              {"mcpServers": {"gofast": {"command": "gofast", "args": ["mcp"]}}}
            """
    )

    @OptionGroup var options: CommonOptions

    @Option(help: "Largest message accepted, in bytes; bigger ones are refused without being read into memory.")
    var maxMessageBytes: Int = 64 << 20

    func validate() throws {
        guard maxMessageBytes >= 1024 else { throw ValidationError("--max-message-bytes must be at least 1024") }
    }

    func run() throws {
        throw ExitCode(StdioServing.run(settings: options.settings, framing: .newlineDelimited, maximumMessageBytes: maxMessageBytes, service: MCPService.make))
    }
}
