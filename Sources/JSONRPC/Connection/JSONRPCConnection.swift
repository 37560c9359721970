import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serves one JSON-RPC 2.0 peer over a pair of file descriptors: framing, lifecycle, batches,
/// cancellation and progress; the methods themselves come from an `RPCService`.
public final class JSONRPCConnection: @unchecked Sendable {
    /// Options of a connection.
    public struct Configuration: Sendable {
        /// The framing to use, or nil to detect it from the first bytes.
        public var framing: Framing?
        /// The largest message accepted, in bytes.
        public var maximumMessageBytes: Int
        /// The most requests handed to handlers and not yet answered; the input is not read while it is reached.
        public var maximumRequestsInFlight: Int
        /// The soft bound of replies queued for a peer that does not read them; the input is not read while it is reached.
        public var maximumQueuedOutputBytes: Int
        /// The most requests in one batch; a longer batch is refused whole with -32600.
        public var maximumBatchRequests: Int

        /// Creates a configuration; the defaults are 64 MiB messages, 256 requests in flight, 4 MiB of queued
        /// replies and batches of at most 1,000 requests.
        public init(
            framing: Framing? = nil, maximumMessageBytes: Int = 64 << 20, maximumRequestsInFlight: Int = 256,
            maximumQueuedOutputBytes: Int = OutputChannel.defaultMaximumQueuedBytes, maximumBatchRequests: Int = 1_000
        ) {
            self.framing = framing
            self.maximumMessageBytes = maximumMessageBytes
            self.maximumRequestsInFlight = maximumRequestsInFlight
            self.maximumQueuedOutputBytes = maximumQueuedOutputBytes
            self.maximumBatchRequests = maximumBatchRequests
        }
    }

    private struct State {
        var framing: Framing?
        var initialized = false
        var shutdownRequested = false
        var exitRequested = false
        var nextSerial = 0
        /// Writes dispatched and not finished; inline reads run only when it is 0.
        var writesPending = 0
        var inFlight: [JSONValue: (serial: Int, task: Task<Void, Never>)] = [:]
    }

    private let service: RPCService
    private let configuration: Configuration
    private let output: OutputChannel
    private let logger: Logger
    private let state: Locked<State>
    private let inFlight: InFlightLimit
    /// The thread running `run`, and the replies it made since its last read (touched by that thread only).
    private var readerThread: pthread_t?
    private var readerOutput: [UInt8] = []
    /// Errors for stray lines met before the framing was known, sent once it is (at most `maximumDeferredErrors`).
    private var deferredErrors: [RPCError] = []
    private static let maximumDeferredErrors = 16
    private var scheduler = RequestScheduler()

    /// Creates a connection that writes to `outputFileDescriptor`.
    public init(service: RPCService, configuration: Configuration = .init(), outputFileDescriptor: Int32, logger: Logger) {
        self.service = service
        self.configuration = configuration
        self.output = OutputChannel(fileDescriptor: outputFileDescriptor, maximumQueuedBytes: configuration.maximumQueuedOutputBytes)
        self.inFlight = InFlightLimit(maximum: configuration.maximumRequestsInFlight)
        self.logger = logger
        self.state = Locked(State(framing: configuration.framing))
    }

    /// Reads messages from `inputFileDescriptor` until end of input or `exit`, answers them, writes every
    /// reply in flight, and returns the process exit code (0, or 1 for `exit` without `shutdown`).
    public func run(inputFileDescriptor: Int32) -> Int32 {
        var framer = MessageFramer(framing: configuration.framing, maximumMessageBytes: configuration.maximumMessageBytes)
        var readBuffer = [UInt8](repeating: 0, count: 1 << 16)
        PipeCapacity.raiseIfPipe(inputFileDescriptor)
        readerThread = pthread_self()
        reading: while true {
            flushReaderOutput()
            let count = readBuffer.withUnsafeMutableBytes { read(inputFileDescriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                logger.error("reading the input failed", metadata: ["errno": "\(errno)"])
                break
            }
            if count == 0 {
                framer.finish()
                while let event = framer.next() {
                    handle(event, framing: framer.framing)
                    if state.withLock({ $0.exitRequested }) { break reading }
                }
                break
            }
            framer.append(readBuffer[0..<count])
            while let event = framer.next() {
                handle(event, framing: framer.framing)
                if state.withLock({ $0.exitRequested }) { break reading }
            }
        }
        // Stray lines and nothing else: their errors go out in the default framing.
        flushDeferredErrors()
        flushReaderOutput()
        inFlight.waitUntilIdle()
        output.close()
        return state.withLock { $0.exitRequested && !$0.shutdownRequested ? 1 : 0 }
    }

    // MARK: - Events and messages

    /// Backpressure: the reader takes a new message only when the peer reads its replies and fewer than
    /// `maximumRequestsInFlight` are running, so memory stays bounded whatever the peer sends.
    private func waitForCapacity() {
        // Replies gathered on this thread go out before it may block, so the peer is never kept waiting for them.
        if readerOutput.count >= 1 << 16 || output.isFull || inFlight.isFull { flushReaderOutput() }
        output.waitUntilWritable()
        inFlight.waitForSlot()
    }

    private func waitForSlot() {
        if inFlight.isFull { flushReaderOutput() }
        inFlight.waitForSlot()
    }

    private func handle(_ event: MessageFramer.Event, framing: Framing?) {
        if case .stray(let preview) = event {
            logger.warning("skipped a stray line before the first message", metadata: ["line": "\(preview)"])
            if deferredErrors.count < Self.maximumDeferredErrors {
                deferredErrors.append(.parseError("skipped a line before the first message, neither a JSON-RPC message nor a header: \(preview)"))
            }
            return
        }
        if let framing {
            state.withLock { $0.framing = framing }
        }
        flushDeferredErrors()
        waitForCapacity()
        switch event {
        case .stray:
            break
        case .message(let body):
            handleMessage(body)
        case .oversized(let declared):
            let size = declared.map { "\($0) bytes" } ?? "a line"
            logger.warning("refused an oversized message", metadata: ["size": "\(size)", "limit": "\(configuration.maximumMessageBytes)"])
            send(errorBytes(id: .null, error: RPCError(
                code: -32600, message: "Invalid Request",
                data: ["reason": .string("message of \(size) exceeds the limit of \(configuration.maximumMessageBytes) bytes; it was skipped")]
            )))
        case .invalidHeader(let reason):
            logger.warning("invalid message header", metadata: ["reason": "\(reason)"])
            send(errorBytes(id: .null, error: .parseError("invalid header: \(reason)")))
        }
    }

    private func flushDeferredErrors() {
        guard !deferredErrors.isEmpty else { return }
        for error in deferredErrors { send(errorBytes(id: .null, error: error)) }
        deferredErrors = []
    }

    private func handleMessage(_ body: [UInt8]) {
        if answerScanned(body) { return }
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            send(errorBytes(id: .null, error: .parseError(error.description)))
            return
        }
        guard case .array(let elements) = value else {
            handleElement(value) { [self] reply in if let reply { send(reply) } }
            return
        }
        guard !elements.isEmpty else {
            send(errorBytes(id: .null, error: .invalidRequest("an empty batch")))
            return
        }
        guard elements.count <= configuration.maximumBatchRequests else {
            logger.warning("refused a batch", metadata: ["requests": "\(elements.count)", "limit": "\(configuration.maximumBatchRequests)"])
            send(errorBytes(id: .null, error: .invalidRequest(
                "a batch of \(elements.count) requests exceeds the limit of \(configuration.maximumBatchRequests); none of it was run: send smaller batches"
            )))
            return
        }
        let batch = BatchCollector(expected: elements.count) { [self] replies in
            guard !replies.isEmpty else { return }
            var bytes: [UInt8] = [UInt8(ascii: "[")]
            for (position, reply) in replies.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(contentsOf: reply)
            }
            bytes.append(UInt8(ascii: "]"))
            send(bytes)
        }
        for (position, element) in elements.enumerated() {
            // A batch is answered in bounded chunks: its elements wait for free slots like single messages.
            if position > 0 { waitForSlot() }
            handleElement(element) { reply in batch.add(reply) }
        }
    }

    /// The hot path: a plain request for a method with a scanned handler, answered from its raw bytes on this thread
    /// when no write is pending, without parsing it into a tree. Returns false, having done nothing, when the
    /// request is not plain, the method has no such handler, or the handler declines.
    private func answerScanned(_ body: [UInt8]) -> Bool {
        guard let request = ScannedRequest(body), let handler = service.methods[request.method]?.scannedHandler,
              state.withLock({ $0.writesPending == 0 && !$0.shutdownRequested }),
              let result = handler(request.params ?? Self.emptyObject)
        else { return false }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(result.bytes.count + request.id.count + 32)
        bytes.append(contentsOf: #"{"id":"#.utf8)
        bytes.append(contentsOf: request.id)
        bytes.append(contentsOf: #","jsonrpc":"2.0","result":"#.utf8)
        bytes.append(contentsOf: result.bytes)
        bytes.append(UInt8(ascii: "}"))
        send(bytes)
        return true
    }

    private static let emptyObject: ArraySlice<UInt8> = Array("{}".utf8)[...]

    /// Handles one request or notification; `reply` is called exactly once, with nil when nothing is answered.
    private func handleElement(_ value: JSONValue, reply: @escaping @Sendable ([UInt8]?) -> Void) {
        guard case .object(let members) = value else {
            reply(errorBytes(id: .null, error: .invalidRequest("a request must be an object, got \(value.typeName)")))
            return
        }
        var id: JSONValue = .null
        if let rawID = members["id"] {
            switch rawID {
            case .string(let text) where text.utf8.count > Self.maximumIDBytes:
                reply(errorBytes(id: .null, error: .invalidRequest("\"id\" is a string of \(text.utf8.count) bytes, longer than the limit of \(Self.maximumIDBytes)")))
                return
            case .number(let number) where number.text.utf8.count > Self.maximumIDBytes:
                reply(errorBytes(id: .null, error: .invalidRequest("\"id\" is a number of \(number.text.utf8.count) digits, longer than the limit of \(Self.maximumIDBytes)")))
                return
            case .string, .number, .null: id = rawID
            default:
                reply(errorBytes(id: .null, error: .invalidRequest("\"id\" must be a string, a number or null, got \(rawID.typeName)")))
                return
            }
        }
        guard members["jsonrpc"] == .string("2.0") else {
            reply(errorBytes(id: id, error: .invalidRequest("\"jsonrpc\" must be \"2.0\"")))
            return
        }
        guard case .string(let method) = members["method"] else {
            reply(errorBytes(id: id, error: .invalidRequest("\"method\" must be a string")))
            return
        }
        var params = members["params"]
        switch params {
        case nil, .object?, .array?: break
        case .null?: params = nil
        case let other?:
            reply(errorBytes(id: id, error: .invalidRequest("\"params\" must be an object or an array, got \(other.typeName)")))
            return
        }
        if members["id"] == nil {
            handleNotification(method, params: params)
            reply(nil)
        } else {
            handleRequest(method, id: id, params: params, reply: reply)
        }
    }

    /// Ids are echoed in every reply, so a huge one is refused rather than copied.
    private static let maximumIDBytes = 1_024

    private func handleNotification(_ method: String, params: JSONValue?) {
        switch method {
        case "exit":
            state.withLock { $0.exitRequested = true }
        case "initialized":
            break
        case "$/cancelRequest":
            guard let id = params?["id"] else { return }
            let task = state.withLock { $0.inFlight[id]?.task }
            task?.cancel()
        default:
            if method.hasPrefix("$/") { return }
            if state.withLock({ $0.shutdownRequested }) { return }
            guard let rpcMethod = service.methods[method], params?.objectValue != nil || params == nil else {
                logger.debug("ignored notification", metadata: ["method": "\(method)"])
                return
            }
            // Notifications are run for their effect and never answered.
            dispatch(rpcMethod, request: RPCRequest(method: method, id: nil, params: params), key: nil) { _ in }
        }
    }

    private func handleRequest(_ method: String, id: JSONValue, params: JSONValue?, reply: @escaping @Sendable ([UInt8]?) -> Void) {
        if state.withLock({ $0.shutdownRequested }) {
            reply(errorBytes(id: id, error: .invalidRequest("the server is shut down; only the exit notification is accepted")))
            return
        }
        switch method {
        case "initialize":
            if case .array? = params {
                reply(errorBytes(id: id, error: .invalidParams(field: "params", reason: "initialize takes named params (an object), not positional params (an array)")))
                return
            }
            state.withLock { $0.initialized = true }
            if let own = service.methods["initialize"] {
                // A service with its own `initialize` (MCP's result differs from ours) answers it itself.
                dispatch(own, request: RPCRequest(method: method, id: id, params: params), key: id, reply: reply)
            } else {
                reply(resultBytes(id: id, result: .value(initializeResult)))
            }
        case "shutdown":
            state.withLock { $0.shutdownRequested = true }
            let barrier = RPCMethod("shutdown", access: .write) { _ in .null }
            dispatch(barrier, request: RPCRequest(method: method, id: id, params: params), key: id, reply: reply)
        default:
            guard let rpcMethod = service.methods[method] else {
                reply(errorBytes(id: id, error: .methodNotFound(method)))
                return
            }
            if case .array? = params {
                reply(errorBytes(id: id, error: .invalidParams(field: "params", reason: "\(method) takes named params (an object), not positional params (an array)")))
                return
            }
            let token = params?["workDoneToken"]
            let progress: ProgressReporter
            if let token, token != .null {
                progress = ProgressReporter(token: token) { [weak self] notification in
                    guard let self else { return }
                    self.send(JSONWriter.bytes(notification))
                }
            } else {
                progress = .disabled
            }
            dispatch(rpcMethod, request: RPCRequest(method: method, id: id, params: params, progress: progress), key: id, reply: reply)
        }
    }

    private var initializeResult: JSONValue {
        [
            "serverInfo": ["name": .string(service.serverName), "version": .string(service.serverVersion)],
            "protocolVersion": .string(service.protocolVersion),
            "capabilities": [
                "methods": .array(service.allMethodNames.map { .string($0) }),
                "framings": .array(Framing.allCases.map { .string($0.rawValue) }),
                "cancelRequest": true,
                "workDoneProgress": true,
                "batches": true,
                "maximumMessageBytes": .number(JSONNumber(configuration.maximumMessageBytes)),
            ],
        ]
    }

    /// Schedules a handler in arrival order (reads together, writes alone) and registers it for cancellation.
    private func dispatch(_ method: RPCMethod, request: RPCRequest, key: JSONValue?, reply: @escaping @Sendable ([UInt8]?) -> Void) {
        if let inline = method.inlineHandler, state.withLock({ $0.writesPending == 0 }) {
            // Only this thread dispatches, so no write can start between the check and the call.
            let bytes = executeInline(inline, request: request)
            reply(request.id == nil ? nil : bytes)
            return
        }
        // What this thread produced so far goes out before the task's reply can: an error for an earlier message
        // still precedes the replies to later ones.
        flushReaderOutput()
        inFlight.enter()
        let isWrite = method.access == .write
        state.withLock { state in
            state.nextSerial += 1
            if isWrite { state.writesPending += 1 }
            let serial = state.nextSerial
            let task = scheduler.schedule(access: method.access) { [self] dependencies in
                Task {
                    for dependency in dependencies { await dependency.value }
                    let bytes = await self.execute(method, request: request)
                    self.state.withLock { state in
                        if let key, state.inFlight[key]?.serial == serial { state.inFlight[key] = nil }
                        if isWrite { state.writesPending -= 1 }
                    }
                    reply(request.id == nil ? nil : bytes)
                    self.inFlight.leave()
                }
            }
            if let key { state.inFlight[key] = (serial, task) }
        }
    }

    /// Runs an inline read on the reader thread; it cannot be cancelled (it is over before a cancel is read).
    private func executeInline(_ handler: @Sendable (RPCRequest) throws -> EncodedJSON, request: RPCRequest) -> [UInt8] {
        let id = request.id ?? .null
        do {
            return resultBytes(id: id, result: try handler(request))
        } catch let error as RPCError {
            return errorBytes(id: id, error: error)
        } catch {
            if let mapped = service.mapError(error) { return errorBytes(id: id, error: mapped) }
            logger.error("internal error", metadata: ["method": "\(request.method)", "error": "\(String(reflecting: error))"])
            return errorBytes(id: id, error: .internalError)
        }
    }

    /// Runs a handler and turns its outcome into reply bytes.
    ///
    /// Cancellation is honoured only where it can still undo everything: before the handler starts, or when
    /// the handler gives up by throwing. A value returned is always sent as the result, even when
    /// `$/cancelRequest` arrived meanwhile, because a handler returns only after its change is committed
    /// (see `RPCRequest.committing`).
    private func execute(_ method: RPCMethod, request: RPCRequest) async -> [UInt8] {
        let id = request.id ?? .null
        if Task.isCancelled { return errorBytes(id: id, error: .requestCancelled) }
        do {
            let result = try await method.handler(request)
            return resultBytes(id: id, result: result)
        } catch let error as RPCError {
            return errorBytes(id: id, error: error)
        } catch {
            // A failure while cancelled (an interrupted statement, a cancelled sleep) is the cancellation itself,
            // unless the handler had passed its commit point: then the change stands and the error is reported as it is.
            if !request.isPastCommitPoint, error is CancellationError || Task.isCancelled {
                return errorBytes(id: id, error: .requestCancelled)
            }
            if let mapped = service.mapError(error) { return errorBytes(id: id, error: mapped) }
            logger.error("internal error", metadata: ["method": "\(request.method)", "error": "\(String(reflecting: error))"])
            return errorBytes(id: id, error: .internalError)
        }
    }

    // MARK: - Output

    private func send(_ body: [UInt8]) {
        let framing = state.withLock { $0.framing } ?? .newlineDelimited
        if let readerThread, pthread_equal(pthread_self(), readerThread) != 0 {
            // Replies made on the reader thread (inline reads, framing errors) are gathered and handed to the
            // writer once per read, not one lock, wake-up and write(2) each.
            framing.append(body, to: &readerOutput)
            return
        }
        output.sendWritingInlineWhenIdle(framing.frame(body))
    }

    /// Hands the replies gathered on the reader thread to the writer; called before every read and wait.
    private func flushReaderOutput() {
        guard !readerOutput.isEmpty else { return }
        output.sendWritingInlineWhenIdle(readerOutput)
        readerOutput.removeAll(keepingCapacity: readerOutput.capacity <= 1 << 20)
    }

    private func resultBytes(id: JSONValue, result: EncodedJSON) -> [UInt8] {
        var bytes = Array(#"{"id":"#.utf8)
        JSONWriter.write(id, into: &bytes)
        bytes.append(contentsOf: #","jsonrpc":"2.0","result":"#.utf8)
        bytes.append(contentsOf: result.bytes)
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    private func errorBytes(id: JSONValue, error: RPCError) -> [UInt8] {
        JSONWriter.bytes(["jsonrpc": "2.0", "id": id, "error": error.shortenedForWire.jsonValue])
    }
}

/// Collects the replies of one batch and sends them together once every element is handled.
private final class BatchCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: Int
    private var replies: [[UInt8]] = []
    private let completion: ([[UInt8]]) -> Void

    init(expected: Int, completion: @escaping ([[UInt8]]) -> Void) {
        self.remaining = expected
        self.completion = completion
    }

    func add(_ reply: [UInt8]?) {
        lock.lock()
        if let reply { replies.append(reply) }
        remaining -= 1
        let done = remaining == 0
        let collected = replies
        lock.unlock()
        if done { completion(collected) }
    }
}
