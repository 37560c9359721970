import ArgumentParser
import Foundation
import GoFastServer
import JSONRPC
import Logging
import TrainingStore
#if canImport(Glibc)
import Glibc
#endif

/// The `gofast` command line: serve JSON-RPC on stdio (the default) or call one method.
struct GofastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gofast",
        abstract: "GoFast training engine: training plans, activities and analysis over JSON-RPC 2.0 on stdin/stdout.",
        discussion: """
            With no subcommand, gofast serves JSON-RPC 2.0 on stdin/stdout (the same as `gofast serve`).
            Framing is detected from the first bytes: LSP-style `Content-Length: N` headers, or one JSON message
            per line. Replies use the client's framing. stdout carries protocol bytes only; logs go to stderr.

            The lifecycle is LSP's: `initialize`, `initialized`, `shutdown`, `exit`; scripts may skip it.
            `rpc.discover` returns the OpenRPC document (protocol/openrpc.json) describing every method.

            Serve options (see `gofast help serve`): --db PATH, --framing content-length|newline,
            --max-message-bytes N (default 64 MiB), --log-level trace|debug|info|notice|warning|error|critical,
            --generator builtin|openai.

            Database: --db PATH, else $GOFAST_DB, else $XDG_DATA_HOME/gofast/gofast.sqlite
            (~/.local/share/gofast/gofast.sqlite). `--db :memory:` is a throwaway session.

            Examples:
              gofast demo                      a session dated from today, with its transcript
              gofast demo --print-session | gofast
              gofast call athlete.create '{"name":"Ada","timeZone":"Europe/London"}'
            """,
        subcommands: [Serve.self, Call.self, Demo.self, Export.self, MCPCommand.self],
        defaultSubcommand: Serve.self
    )
}

