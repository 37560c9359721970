import GoFastServer
#if canImport(Glibc)
import Glibc
#endif

/// The entry point: `gofast [serve] [options]` starts serving at once (`ServeArguments`); everything else is
/// parsed by ArgumentParser (`GofastCommand`).
@main
enum Gofast {
    static func main() {
        if let serve = ServeArguments(CommandLine.arguments.dropFirst()) {
            exit(StdioServing.run(settings: serve.settings, framing: serve.framing, maximumMessageBytes: serve.maximumMessageBytes, service: GoFastService.make))
        }
        GofastCommand.main()
    }
}
