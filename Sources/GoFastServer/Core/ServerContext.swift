import Foundation
import JSONRPC
import Logging
import TrainingStore

/// What every handler shares: the database, the clock, the log and the generator settings.
public struct ServerContext: Sendable {
    /// The store.
    public let database: AppDatabase
    /// Now and today.
    public let clock: Clock
    /// Logs to stderr.
    public let logger: Logger
    /// Plan generator settings.
    public let generators: GeneratorSettings

    /// Creates a context.
    public init(database: AppDatabase, clock: Clock = .system, logger: Logger, generators: GeneratorSettings = .fromEnvironment()) {
        self.database = database
        self.clock = clock
        self.logger = logger
        self.generators = generators
    }
}

/// Which plan generator is the default and how the OpenAI-compatible one is reached.
public struct GeneratorSettings: Sendable {
    /// The generator used when params name none.
    public var defaultGenerator: PlanGeneratorKind
    /// The API key; never logged, never stored.
    public var openAIKey: String?
    /// The base URL of an OpenAI-compatible API.
    public var openAIBaseURL: String
    /// The model name.
    public var openAIModel: String
    /// Seconds before a request to the provider is abandoned.
    public var openAITimeoutSeconds: Double
    /// How many times a 429 or 5xx is retried.
    public var openAIMaxRetries: Int

    /// Creates settings.
    public init(defaultGenerator: PlanGeneratorKind = .builtin, openAIKey: String? = nil, openAIBaseURL: String = "https://api.openai.com/v1",
                openAIModel: String = "gpt-4o-mini", openAITimeoutSeconds: Double = 120, openAIMaxRetries: Int = 2) {
        self.defaultGenerator = defaultGenerator
        self.openAIKey = openAIKey
        self.openAIBaseURL = openAIBaseURL
        self.openAIModel = openAIModel
        self.openAITimeoutSeconds = openAITimeoutSeconds
        self.openAIMaxRetries = openAIMaxRetries
    }

    /// Settings from `OPENAI_API_KEY`, `OPENAI_BASE_URL`, `OPENAI_MODEL`, `GOFAST_OPENAI_TIMEOUT`.
    public static func fromEnvironment(defaultGenerator: PlanGeneratorKind = .builtin) -> GeneratorSettings {
        let environment = EnvironmentVariable.value
        return GeneratorSettings(
            defaultGenerator: defaultGenerator,
            openAIKey: environment("OPENAI_API_KEY"),
            openAIBaseURL: environment("OPENAI_BASE_URL") ?? "https://api.openai.com/v1",
            openAIModel: environment("OPENAI_MODEL") ?? "gpt-4o-mini",
            openAITimeoutSeconds: environment("GOFAST_OPENAI_TIMEOUT").flatMap(Double.init) ?? 120
        )
    }
}
