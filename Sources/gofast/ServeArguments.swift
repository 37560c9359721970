import GoFastServer
import JSONRPC
import Logging

/// The arguments of `gofast [serve] [options]`, read by hand.
///
/// Editors and assistants spawn the server far more often than people type commands, and ArgumentParser's
/// reflection over every subcommand took 40 % of a cold start's instructions. This reads exactly the options
/// `gofast serve` documents (`--db`, `--log-level`, `--generator`, `--framing`, `--max-message-bytes`, as
/// `--name value` or `--name=value`, the last one winning) and gives up on anything else: help, another subcommand,
/// an unknown option or a bad value go to ArgumentParser, which answers them with its usual messages.
struct ServeArguments {
    /// The options shared with the other subcommands.
    var settings = Settings()
    /// `--framing`, or nil to detect it.
    var framing: Framing?
    /// `--max-message-bytes`.
    var maximumMessageBytes = 64 << 20

    /// Reads `arguments` (without the program name), or returns nil when they are not plain serve options.
    init?(_ arguments: ArraySlice<String>) {
        var remaining = arguments
        if remaining.first == "serve" { remaining.removeFirst() }
        while let argument = remaining.popFirst() {
            guard argument.hasPrefix("--") else { return nil }
            let name: Substring
            let value: String
            if let equals = argument.firstIndex(of: "=") {
                name = argument[argument.index(argument.startIndex, offsetBy: 2)..<equals]
                value = String(argument[argument.index(after: equals)...])
            } else {
                // As ArgumentParser reads it: a following option is not a value (`--db --help` is an error there).
                guard let next = remaining.popFirst(), next == "-" || !next.hasPrefix("-") else { return nil }
                name = argument.dropFirst(2)
                value = next
            }
            switch name {
            case "db":
                settings.db = value
            case "log-level":
                guard let level = Logger.Level(rawValue: value) else { return nil }
                settings.logLevel = level
            case "generator":
                guard let generator = PlanGeneratorKind(rawValue: value) else { return nil }
                settings.generator = generator
            case "framing":
                guard let framing = Framing(rawValue: value) else { return nil }
                self.framing = framing
            case "max-message-bytes":
                guard let bytes = Int(value), bytes >= 1024 else { return nil }
                maximumMessageBytes = bytes
            default:
                return nil
            }
        }
    }
}
