/// Which plan generator to use: the closed vocabulary of `generator` in params and of `gofast --generator`.
public enum PlanGeneratorKind: String, CaseIterable, Sendable, Decodable {
    /// The deterministic, offline built-in coach.
    case builtin
    /// An OpenAI-compatible chat-completions API.
    case openai

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let kind = PlanGeneratorKind(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "must be \"builtin\" or \"openai\", got \"\(text.prefix(40))\""
            )
        }
        self = kind
    }

    /// The generator of this kind, configured from the server's settings.
    func generator(_ context: ServerContext) -> any PlanGenerating {
        switch self {
        case .builtin: BuiltInPlanGenerator()
        case .openai: OpenAIPlanGenerator(settings: context.generators, logger: context.logger)
        }
    }
}
