import JSONRPC

/// A prompt a runner picks in an assistant: a coaching request filled in with the athlete's data.
struct MCPPrompt: Sendable {
    /// The prompt's name (`todays-workout`).
    let name: String
    /// A title for people.
    let title: String
    /// What the prompt asks, shown in the client's prompt picker.
    let description: String

    /// The one argument every gofast prompt takes.
    static let athleteArgument: JSONValue = [
        "name": "athleteId",
        "description": "The athlete's id (see the gofast://athletes resource or the athlete_list tool).",
        "required": true,
    ]

    /// Every prompt.
    static let all: [MCPPrompt] = [
        MCPPrompt(
            name: "todays-workout", title: "Today's workout",
            description: "Explains today's planned workout from the athlete's active plan: what to run, how far, at which paces, and why."
        ),
        MCPPrompt(
            name: "weekly-review", title: "Weekly review",
            description: "Reviews the last seven days: what was planned against what was run, and what to focus on next week."
        ),
        MCPPrompt(
            name: "race-readiness", title: "Race readiness",
            description: "Judges how ready the athlete is for the race of their active plan, from the plan's progress and the times their runs predict."
        ),
    ]

    /// The prompt's entry in `prompts/list`.
    var definition: JSONValue {
        ["name": .string(name), "title": .string(title), "description": .string(description), "arguments": [Self.athleteArgument]]
    }
}
