import ExportFormats
import Foundation
import Testing
import TrainingDomain

/// The HTML report of a real plan, loaded in headless Chromium: no console errors, one bar per week, a screenshot.
struct HTMLReportRendererTests {
    /// Runs Debian's `chromium` headless on `file` with `extra` arguments and a throwaway profile.
    static func chromium(_ file: URL, _ extra: [String]) throws -> ExternalJudge.Run {
        let profile = try ExternalJudge.temporaryFolder("chromium-profile")
        defer { try? FileManager.default.removeItem(at: profile) }
        return try ExternalJudge.run("chromium", [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0",
        ] + extra + [file.absoluteString])
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func chromiumLoadsTheReportWithoutConsoleErrorsAndOneBarPerWeek() throws {
        let report = try SampleReport.marathon()
        #expect(report.weeks.count == 18)
        let folder = try ExternalJudge.temporaryFolder("html")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        try Data(HTMLReportRenderer.render(report).utf8).write(to: page)

        let dump = try Self.chromium(page, ["--dump-dom"])
        try #require(dump.status == 0, "chromium failed: \(dump.standardError.suffix(2000))")
        let dom = String(decoding: dump.standardOutput, as: UTF8.self)
        let consoleLines = dump.standardError.split(separator: "\n").filter { $0.contains("CONSOLE") }
        #expect(consoleLines.isEmpty, "console messages: \(consoleLines)")
        // The DOM Chromium built (not our text): one planned bar per week inside the SVG, weeks numbered in order.
        #expect(Self.occurrences(of: "class=\"week-bar ", in: dom) == 18)
        for week in report.weeks { #expect(dom.contains("data-week=\"\(week.weekIndex)\"")) }
        #expect(Self.occurrences(of: "class=\"week-done ", in: dom) == report.weeks.filter { $0.executedDistanceMeters > 0 }.count)
        #expect(Self.occurrences(of: " data-date=\"", in: dom) == report.days.count)
        for day in report.days { #expect(dom.contains("data-date=\"\(day.date)\"")) }
        #expect(Self.occurrences(of: "day c-grey", in: dom) == report.days.filter { $0.compliance == .grey }.count)
        #expect(dom.contains("class=\"line-fitness\""))
        #expect(Self.occurrences(of: "<li class=\"workout", in: dom) == 7)
        #expect(!dom.contains("<script"), "no script")
    }

    @Test func theConsoleCheckSeesALoadAttempt() throws {
        // The check above would be worthless if Chromium did not report what the page's policy blocks: prove it does.
        let html = HTMLReportRenderer.render(try SampleReport.marathon())
            .replacingOccurrences(of: "<footer>", with: "<img src=\"http://127.0.0.1:9/x.png\" alt=\"\"><footer>")
        let folder = try ExternalJudge.temporaryFolder("html-blocked")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        try Data(html.utf8).write(to: page)
        let dump = try Self.chromium(page, ["--dump-dom"])
        try #require(dump.status == 0)
        #expect(dump.standardError.split(separator: "\n").contains { $0.contains("CONSOLE") && $0.contains("Content Security Policy") })
    }

    @Test(arguments: [(1280, 3700), (390, 4400)])
    func chromiumWritesAScreenshot(width: Int, height: Int) throws {
        let folder = try ExternalJudge.temporaryFolder("shot")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        try Data(HTMLReportRenderer.render(try SampleReport.marathon()).utf8).write(to: page)
        let png = folder.appendingPathComponent("report-\(width).png")
        let run = try Self.chromium(page, ["--screenshot=\(png.path)", "--window-size=\(width),\(height)"])
        try #require(run.status == 0, "chromium failed: \(run.standardError.suffix(2000))")
        let bytes = [UInt8](try Data(contentsOf: png))
        try #require(bytes.count > 24)
        #expect(Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
        let pngWidth = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(pngWidth == width)
        if let keep = ProcessInfo.processInfo.environment["GOFAST_REPORT_SCREENSHOT_DIR"] {
            try? FileManager.default.copyItem(at: png, to: URL(fileURLWithPath: keep).appendingPathComponent("report-\(width).png"))
        }
    }

    @Test func everyTextFromTheInputIsEscaped() throws {
        var report = try SampleReport.marathon()
        report.header.planName = "<script>alert('x')</script> & \"friends\""
        report.days[0].title = "<img src=x onerror=alert(1)>"
        report.comingWeek[0].workout.title = "5 < 6 & 7 > 3"
        let html = HTMLReportRenderer.render(report)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;friends&quot;"))
        #expect(html.contains("5 &lt; 6 &amp; 7 &gt; 3"))
    }

    @Test func aReportWithoutFitnessOrExecutionsStillRenders() throws {
        var report = try SampleReport.marathon(daysIn: -3)
        report.fitness = []
        let html = HTMLReportRenderer.render(report)
        #expect(Self.occurrences(of: "class=\"week-bar ", in: html) == 18)
        #expect(Self.occurrences(of: "class=\"week-done ", in: html) == 0)
        #expect(html.contains("appear here once there is training load"))
    }
}
