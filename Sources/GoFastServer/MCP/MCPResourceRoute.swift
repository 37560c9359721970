import Foundation
import JSONRPC

/// One kind of `gofast://` resource: its URI template and the gofast method that reads it.
struct MCPResourceRoute: Sendable {
    /// The URI template (`gofast://plans/{id}/days`); a route without `{id}` is a plain resource.
    let uriTemplate: String
    /// A short name.
    let name: String
    /// A title for people.
    let title: String
    /// What the resource holds, for a model.
    let description: String
    /// The method that reads it (`plan.days`), and the param that receives `{id}`.
    let method: String
    /// The param named by `{id}`, or nil for a route without one.
    let idParam: String?

    /// The media type of every gofast resource.
    static let mimeType = "application/json"
    /// The scheme of every gofast resource.
    static let scheme = "gofast://"

    /// Every route: `gofast://athletes`, and the templates of an athlete's active plan, a plan's days and its progress.
    static let all: [MCPResourceRoute] = [
        MCPResourceRoute(
            uriTemplate: "gofast://athletes", name: "athletes", title: "Athletes",
            description: "Every athlete (id, name, time zone, 5K time, heart rates, thresholds), by name; the result of athlete.list.",
            method: "athlete.list", idParam: nil
        ),
        MCPResourceRoute(
            uriTemplate: "gofast://athletes/{id}/active-plan", name: "active-plan", title: "Active plan and today's workout",
            description: "An athlete's active plan with its race, today's date in the athlete's time zone and today's planned day (the workout), or null when the athlete has no active plan; the result of plan.active.",
            method: "plan.active", idParam: "athleteId"
        ),
        MCPResourceRoute(
            uriTemplate: "gofast://plans/{id}/days", name: "plan-days", title: "Plan days",
            description: "Every planned day of a plan in date order: workout type, distance, duration, segments and target paces; the result of plan.days.",
            method: "plan.days", idParam: "planId"
        ),
        MCPResourceRoute(
            uriTemplate: "gofast://plans/{id}/progress", name: "plan-progress", title: "Plan progress",
            description: "Week by week, planned against executed for a plan as of today (distance, duration, load, compliance); the result of plan.progress.",
            method: "plan.progress", idParam: "planId"
        ),
    ]

    /// The URI of this route for `id` (the id percent-encoded).
    func uri(id: String) -> String {
        let encoded = id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? id
        return uriTemplate.replacingOccurrences(of: "{id}", with: encoded)
    }

    /// The route and the params of the method for `uri`, or nil when no route matches it.
    static func match(_ uri: String) -> (route: MCPResourceRoute, params: JSONValue)? {
        guard uri.hasPrefix(scheme) else { return nil }
        let path = uri.dropFirst(scheme.count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for route in all {
            let pattern = route.uriTemplate.dropFirst(scheme.count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard pattern.count == path.count else { continue }
            var params: [String: JSONValue] = [:]
            var matches = true
            for (expected, actual) in zip(pattern, path) {
                if expected == "{id}", let idParam = route.idParam {
                    guard let id = actual.removingPercentEncoding, !id.isEmpty else { matches = false; break }
                    params[idParam] = .string(id)
                } else if expected != actual {
                    matches = false
                    break
                }
            }
            if matches { return (route, .object(params)) }
        }
        return nil
    }

    /// The entry of a plain resource in `resources/list`, or of a template in `resources/templates/list`.
    var definition: JSONValue {
        [
            idParam == nil ? "uri" : "uriTemplate": .string(uriTemplate),
            "name": .string(name),
            "title": .string(title),
            "description": .string(description),
            "mimeType": .string(Self.mimeType),
        ]
    }
}
