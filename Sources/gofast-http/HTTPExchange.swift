import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `gofast-http`: performs one HTTP request described as JSON on stdin and writes the outcome as JSON on stdout.
///
/// The plan generator's provider transport lives in this small process so that `gofast` itself does not link
/// FoundationNetworking (libcurl and its TLS stack cost about 8 ms of start-up, on every spawn of the server).
/// Input: `{"url", "method", "headers": {name: value}, "bodyBase64", "timeoutSeconds"}`.
/// Output: `{"status", "headers": {name: value}, "bodyBase64"}` or `{"error": {"kind": "timeout"|"transport"|"input", "message"}}`.
@main
struct HTTPExchange {
    static func main() {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        guard let request = try? JSONSerialization.jsonObject(with: input) as? [String: Any],
              let urlText = request["url"] as? String, let url = URL(string: urlText) else {
            finish(["error": ["kind": "input", "message": "expected {url, method, headers, bodyBase64, timeoutSeconds}"]])
        }
        let timeout = (request["timeoutSeconds"] as? Double) ?? 120
        var urlRequest = URLRequest(url: url, timeoutInterval: timeout)
        urlRequest.httpMethod = (request["method"] as? String) ?? "POST"
        for (name, value) in (request["headers"] as? [String: String]) ?? [:] {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        if let body = request["bodyBase64"] as? String { urlRequest.httpBody = Data(base64Encoded: body) }

        // Foundation on Linux honours the session's timeouts, not the request's.
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: [String: Any] = [:]
        session.dataTask(with: urlRequest) { data, response, error in
            if let error {
                let code = (error as NSError).code
                outcome = ["error": ["kind": code == NSURLErrorTimedOut ? "timeout" : "transport", "message": error.localizedDescription]]
            } else {
                let http = response as? HTTPURLResponse
                var headers: [String: String] = [:]
                for (name, value) in http?.allHeaderFields ?? [:] { headers["\(name)".lowercased()] = "\(value)" }
                outcome = ["status": http?.statusCode ?? 0, "headers": headers, "bodyBase64": (data ?? Data()).base64EncodedString()]
            }
            done.signal()
        }.resume()
        done.wait()
        finish(outcome)
    }

    static func finish(_ object: [String: Any]) -> Never {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data(#"{"error":{"kind":"transport","message":"cannot encode the reply"}}"#.utf8)
        FileHandle.standardOutput.write(data)
        exit(0)
    }
}
