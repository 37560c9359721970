import Foundation
import JSONRPC
import XCTest

/// `MessageFramer`: both framings whatever the read sizes, detection, oversized messages without buffering, bad headers.
final class MessageFramerTests: XCTestCase {
    private typealias Event = MessageFramer.Event

    /// Feeds `chunks` one by one, draining events after each.
    private func events(_ chunks: [[UInt8]], framing: Framing? = nil, limit: Int = 1 << 20) -> (events: [Event], framer: MessageFramer) {
        var framer = MessageFramer(framing: framing, maximumMessageBytes: limit)
        var events: [Event] = []
        for chunk in chunks {
            framer.append(chunk)
            while let event = framer.next() { events.append(event) }
        }
        return (events, framer)
    }

    private func message(_ text: String) -> Event { .message(Array(text.utf8)) }

    private func contentLength(_ body: String, name: String = "Content-Length", extra: String = "") -> String {
        "\(extra)\(name): \(body.utf8.count)\r\n\r\n\(body)"
    }

    private let bodies = [#"{"jsonrpc":"2.0","id":1,"method":"a"}"#, #"{"id":"é😀","params":{"x":"line\nbreak"}}"#, "[1,2,3]", #"{"a":"\r\n\r\n"}"#]

    // MARK: - Newline-delimited

    func testNewlineSeveralMessagesInOneRead() {
        let stream = bodies.map { $0 + "\n" }.joined()
        let result = events([Array(stream.utf8)])
        XCTAssertEqual(result.events, bodies.map(message))
        XCTAssertEqual(result.framer.framing, .newlineDelimited)
    }

    func testNewlineSplitAtEveryPosition() {
        let stream = Array(bodies.map { $0 + "\n" }.joined().utf8)
        for cut in 0...stream.count {
            XCTAssertEqual(events([Array(stream[..<cut]), Array(stream[cut...])]).events, bodies.map(message), "cut at \(cut)")
        }
    }

    func testNewlineByteAtATimeAndRandomChunks() {
        let stream = Array(bodies.map { $0 + "\n" }.joined().utf8)
        XCTAssertEqual(events(stream.map { [$0] }).events, bodies.map(message))
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var chunks: [[UInt8]] = []
            var start = 0
            while start < stream.count {
                let end = min(stream.count, start + Int.random(in: 1...17, using: &generator))
                chunks.append(Array(stream[start..<end]))
                start = end
            }
            XCTAssertEqual(events(chunks).events, bodies.map(message))
        }
    }

    func testNewlineTrimsBlanksAndSkipsEmptyLines() {
        let stream = "\n\r\n \t" + bodies[0] + " \r\n\n\n" + bodies[2] + "\r\n"
        XCTAssertEqual(events([Array(stream.utf8)]).events, [message(bodies[0]), message(bodies[2])])
    }

    func testNewlineWaitsForTheEndOfTheLine() {
        XCTAssertEqual(events([Array(bodies[0].utf8)]).events, [], "no newline yet")
    }

    // MARK: - Content-Length

    func testContentLengthSeveralMessagesInOneRead() {
        let stream = bodies.map { contentLength($0) }.joined()
        let result = events([Array(stream.utf8)])
        XCTAssertEqual(result.events, bodies.map(message))
        XCTAssertEqual(result.framer.framing, .contentLength)
    }

    func testContentLengthSplitAtEveryPosition() {
        let stream = Array(bodies.map { contentLength($0) }.joined().utf8)
        for cut in 0...stream.count {
            XCTAssertEqual(events([Array(stream[..<cut]), Array(stream[cut...])]).events, bodies.map(message), "cut at \(cut)")
        }
    }

    func testContentLengthByteAtATimeAndRandomChunks() {
        let stream = Array(bodies.map { contentLength($0) }.joined().utf8)
        XCTAssertEqual(events(stream.map { [$0] }).events, bodies.map(message))
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var chunks: [[UInt8]] = []
            var start = 0
            while start < stream.count {
                let end = min(stream.count, start + Int.random(in: 1...23, using: &generator))
                chunks.append(Array(stream[start..<end]))
                start = end
            }
            XCTAssertEqual(events(chunks).events, bodies.map(message))
        }
    }

    func testContentLengthHeaderVariants() {
        let body = bodies[0]
        let variants = [
            contentLength(body, name: "content-length"), contentLength(body, name: "CONTENT-LENGTH"),
            contentLength(body, extra: "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"),
            contentLength(body, extra: "X-Unknown: 1\r\n"),
            "Content-Length: \(body.utf8.count)\r\nContent-Type: application/json\r\n\r\n" + body,
            "Content-Length:\(body.utf8.count)\r\n\r\n" + body,
            "Content-Length: \t\(body.utf8.count)\t \r\n\r\n" + body,
            "Content-Length: \(body.utf8.count)\n\n" + body,  // lenient bare line feeds
            "Content-Length: \(body.utf8.count)\n\r\n" + body,
            "\r\n\r\n" + contentLength(body),  // blank lines before a message
        ]
        for variant in variants {
            XCTAssertEqual(events([Array(variant.utf8)]).events, [message(body)], variant.debugDescription)
            XCTAssertEqual(events(Array(variant.utf8).map { [$0] }).events, [message(body)], "byte at a time: \(variant.debugDescription)")
        }
    }

    func testContentLengthZeroIsAnEmptyMessage() {
        XCTAssertEqual(events([Array("Content-Length: 0\r\n\r\n".utf8) + Array(contentLength(bodies[0]).utf8)]).events, [.message([]), message(bodies[0])])
    }

    func testContentLengthWaitsForTheWholeBody() {
        let stream = Array(contentLength(bodies[1]).utf8)
        XCTAssertEqual(events([Array(stream.dropLast())]).events, [])
    }

    // MARK: - Detection and forcing

    func testDetection() {
        XCTAssertEqual(events([Array("  \r\n\t{}\n".utf8)]).framer.framing, .newlineDelimited)
        XCTAssertEqual(events([Array("[1]\n".utf8)]).framer.framing, .newlineDelimited)
        XCTAssertEqual(events([Array("Content-Length: 2\r\n\r\n{}".utf8)]).framer.framing, .contentLength)
        XCTAssertEqual(events([Array("content-length: 2\r\n\r\n{}".utf8)]).framer.framing, .contentLength)
        XCTAssertEqual(events([Array("Content-Type: x\r\nContent-Length: 2\r\n\r\n{}".utf8)]).framer.framing, .contentLength)
        XCTAssertNil(events([Array(" \r\n ".utf8)]).framer.framing, "undecided before the first non-blank byte")
        XCTAssertNil(MessageFramer(maximumMessageBytes: 10).framing)
    }

    func testForcedFramingIsNotRedetected() {
        let newline = events([Array((contentLength(bodies[0]) + "\n").utf8)], framing: .newlineDelimited)
        XCTAssertEqual(newline.events, [message("Content-Length: \(bodies[0].utf8.count)"), message(bodies[0])])
        let header = events([Array((bodies[0] + "\n\n").utf8)], framing: .contentLength)
        guard case .invalidHeader? = header.events.first else { return XCTFail("\(header.events)") }
    }

    // MARK: - Oversized messages

    func testOversizedContentLengthIsSkippedAndTheNextMessageFound() {
        let big = String(repeating: "x", count: 5000)
        let stream = Array((contentLength(big) + contentLength(bodies[0])).utf8)
        XCTAssertEqual(events([stream], limit: 1024).events, [.oversized(declaredBytes: 5000), message(bodies[0])])
        // The body arriving in pieces after the header.
        var chunks = [Array(contentLength(big).utf8.prefix(30))]
        let rest = Array(contentLength(big).utf8.dropFirst(30))
        for start in stride(from: 0, to: rest.count, by: 700) { chunks.append(Array(rest[start..<min(rest.count, start + 700)])) }
        chunks.append(Array(contentLength(bodies[0]).utf8))
        XCTAssertEqual(events(chunks, limit: 1024).events, [.oversized(declaredBytes: 5000), message(bodies[0])])
        // Byte at a time.
        XCTAssertEqual(events(stream.map { [$0] }, limit: 1024).events, [.oversized(declaredBytes: 5000), message(bodies[0])])
    }

    func testOversizedLineIsSkippedAndTheNextLineFound() {
        let big = "{\"pad\":\"" + String(repeating: "x", count: 5000) + "\"}"
        let stream = Array((bodies[0] + "\n" + big + "\n" + bodies[2] + "\n").utf8)
        let expected: [Event] = [message(bodies[0]), .oversized(declaredBytes: nil), message(bodies[2])]
        XCTAssertEqual(events([stream], limit: 1024).events, expected)
        for size in [1, 100, 1000, 1025, 4096] {
            var chunks: [[UInt8]] = []
            for start in stride(from: 0, to: stream.count, by: size) { chunks.append(Array(stream[start..<min(stream.count, start + size)])) }
            XCTAssertEqual(events(chunks, limit: 1024).events, expected, "chunks of \(size)")
        }
    }

    func testExactlyTheLimitIsAccepted() {
        let body = "[" + String(repeating: "1,", count: 510) + "11]"
        XCTAssertEqual(body.utf8.count, 1024)
        XCTAssertEqual(events([Array((body + "\n").utf8)], limit: 1024).events, [message(body)])
        XCTAssertEqual(events([Array(contentLength(body).utf8)], limit: 1024).events, [message(body)])
        XCTAssertEqual(events([Array((body + "\n").utf8)], limit: 1023).events, [.oversized(declaredBytes: nil)])
        XCTAssertEqual(events([Array(contentLength(body).utf8)], limit: 1023).events, [.oversized(declaredBytes: 1024)])
    }

    /// 100 MB in 64 KB reads with a 4 KB limit: one oversized event, the next message found, and the resident
    /// memory of the process never grows by anything like the message.
    func testAHundredMegabyteMessageIsNeverBuffered() throws {
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
        let total = 100 * 1024 * 1024
        for framing in [Framing.newlineDelimited, .contentLength] {
            var framer = MessageFramer(maximumMessageBytes: 4096)
            var events: [Event] = []
            let before = residentBytes()
            var peak = before
            if framing == .contentLength {
                framer.append(Array("Content-Length: \(total)\r\n\r\n".utf8))
            } else {
                framer.append(Array(#"{"pad":""#.utf8))
            }
            var fed = 0
            while fed < total {
                framer.append(chunk)
                fed += chunk.count
                while let event = framer.next() { events.append(event) }
                if fed % (8 << 20) == 0 { peak = max(peak, residentBytes()) }
            }
            let next = framing == .contentLength ? Array(contentLength(bodies[0]).utf8) : Array(("\"}\n" + bodies[0] + "\n").utf8)
            framer.append(next)
            while let event = framer.next() { events.append(event) }
            peak = max(peak, residentBytes())
            XCTAssertEqual(events, [.oversized(declaredBytes: framing == .contentLength ? total : nil), message(bodies[0])], "\(framing)")
            XCTAssertLessThan(peak - before, 32 << 20, "\(framing): resident memory grew by \((peak - before) >> 20) MB while skipping 100 MB")
            withExtendedLifetime(framer) {}
        }
    }

    /// The resident set size of this process, in bytes.
    private func residentBytes() -> Int {
        if let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) {
            let fields = statm.split(separator: " ")
            if fields.count > 1, let pages = Int(fields[1]) { return pages * Int(sysconf(Int32(_SC_PAGESIZE))) }
        }
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss
        #endif
    }

    // MARK: - Bad headers

    func testBadHeadersAreReportedAndTheNextMessageFound() {
        let good = contentLength(bodies[0])
        for bad in ["Content-Length: abc\r\n\r\n", "Content-Length: -1\r\n\r\n", "Content-Length: 1.5\r\n\r\n", "Content-Length: \r\n\r\n",
                    "Content-Length: 99999999999999999999\r\n\r\n", "Content-Type: text/plain\r\n\r\n", "Content-Length 12\r\n\r\n"] {
            let result = events([Array((bad + good).utf8)])
            XCTAssertEqual(result.events.count, 2, bad.debugDescription)
            guard case .invalidHeader(let reason)? = result.events.first else { XCTFail("\(bad.debugDescription): \(result.events)"); continue }
            XCTAssertFalse(reason.isEmpty)
            XCTAssertEqual(result.events.last, message(bodies[0]), bad.debugDescription)
        }
    }

    /// A bad header is followed by its body; the framer must find the next real header after it rather than
    /// read the body as a header block and lose the message that follows.
    func testABadHeaderWithItsBodyDoesNotSwallowTheNextMessage() {
        let stream = "Content-Length: abc\r\n\r\n" + bodies[0] + contentLength(bodies[2])
        let result = events([Array(stream.utf8)])
        XCTAssertEqual(result.events.last, message(bodies[2]), "\(result.events)")
    }

    func testAHeaderBlockThatNeverEndsIsRefused() {
        let endless = [UInt8](repeating: UInt8(ascii: "a"), count: 20_000)
        var framer = MessageFramer(framing: .contentLength, maximumMessageBytes: 1 << 20)
        framer.append(endless)
        guard case .invalidHeader? = framer.next() else { return XCTFail("a header block over the header limit is refused") }
        framer.append(Array(contentLength(bodies[0]).utf8))
        XCTAssertEqual(framer.next(), message(bodies[0]))
    }

    // MARK: - Careless first bytes (issue 13)

    private let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    func testAByteOrderMarkBeforeTheFirstMessageIsSkippedInBothFramings() {
        let newline = events([byteOrderMark + Array((bodies[0] + "\n").utf8)])
        XCTAssertEqual(newline.events, [message(bodies[0])])
        XCTAssertEqual(newline.framer.framing, .newlineDelimited)
        let framed = events([byteOrderMark + Array(contentLength(bodies[0]).utf8)])
        XCTAssertEqual(framed.events, [message(bodies[0])])
        XCTAssertEqual(framed.framer.framing, .contentLength)
        // A mark before every line is skipped too.
        let everyLine = events([byteOrderMark + Array((bodies[0] + "\n").utf8) + byteOrderMark + Array((bodies[2] + "\n").utf8)])
        XCTAssertEqual(everyLine.events, [message(bodies[0]), message(bodies[2])])
        // Split inside the mark: detection waits for the whole mark.
        let split = events([[0xEF], [0xBB, 0xBF], Array((bodies[0] + "\n").utf8)])
        XCTAssertEqual(split.events, [message(bodies[0])])
    }

    func testABareValueOrStrayLineBeforeTheFirstMessageIsReportedAndSkipped() {
        for stray in ["1", "\"hello\"", "null", "hello world", "GET / HTTP/1.1"] {
            for (tail, framing) in [(bodies[0] + "\n", Framing.newlineDelimited), (contentLength(bodies[0]), .contentLength)] {
                let result = events([Array((stray + "\r\n" + tail).utf8)])
                XCTAssertEqual(result.events.count, 2, "\(stray) then \(framing): \(result.events)")
                guard case .stray(let preview)? = result.events.first else { XCTFail("\(stray): \(result.events)"); continue }
                XCTAssertEqual(preview, stray)
                XCTAssertEqual(result.events.last, message(bodies[0]), "\(stray) then \(framing)")
                XCTAssertEqual(result.framer.framing, framing)
            }
        }
    }

    func testAHugeStrayLineIsPreviewedNotCopied() {
        let stray = [UInt8](repeating: UInt8(ascii: "x"), count: 5_000) + [0x0A]
        let result = events([stray + Array((bodies[0] + "\n").utf8)], limit: 1_000)
        guard case .stray(let preview)? = result.events.first else { return XCTFail("\(result.events.count) events") }
        XCTAssertEqual(preview, String(repeating: "x", count: 80) + "…")
        XCTAssertEqual(result.events.last, message(bodies[0]))
    }

    /// In Content-Length framing a stray line glued to the next header block costs only itself.
    func testAStrayLineBeforeAValidFrameDoesNotLoseTheFrame() {
        for stray in ["garbage", "{}", "Content-Length: abc"] {
            let stream = contentLength(bodies[0]) + stray + "\r\n" + contentLength(bodies[2])
            let result = events([Array(stream.utf8)])
            XCTAssertEqual(result.events.first, message(bodies[0]), stray)
            XCTAssertEqual(result.events.last, message(bodies[2]), "\(stray): \(result.events)")
            XCTAssertEqual(result.events.count, 3, "\(stray): \(result.events)")
        }
        let forced = events([Array(("junk\n" + contentLength(bodies[0])).utf8)], framing: .contentLength)
        XCTAssertEqual(forced.events.last, message(bodies[0]), "\(forced.events)")
    }

    func testTheLastLineWithoutItsNewlineIsTakenAtTheEndOfInput() {
        var framer = MessageFramer(maximumMessageBytes: 1 << 20)
        framer.append(Array((bodies[0] + "\n" + bodies[2]).utf8))
        XCTAssertEqual(framer.next(), message(bodies[0]))
        XCTAssertNil(framer.next())
        framer.finish()
        XCTAssertEqual(framer.next(), message(bodies[2]))
        XCTAssertNil(framer.next())

        var undecided = MessageFramer(maximumMessageBytes: 1 << 20)
        undecided.append(Array("42".utf8))
        XCTAssertNil(undecided.next(), "a lone token could still become a header name")
        undecided.finish()
        XCTAssertEqual(undecided.next(), .stray("42"))
    }
}
