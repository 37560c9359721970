/// Which weekdays carry the long run and the quality sessions; the same weekdays all plan long, so the
/// spacing rules hold across week boundaries and phase changes.
///
/// Rules (Daniels; Pfitzinger & Douglas): hard days are never back to back, never on the day before the long
/// run, and spread as evenly as the athlete's days allow. For marathon plans a long run with a marathon-pace
/// finish counts as a quality session, so it also keeps the day after it free of quality work; when that
/// costs a second mid-week session the plan keeps the two mid-week sessions and drops the M-pace finish.
/// Ultra plans use back-to-back long runs (the training day before the long run), so the day before that pair
/// is free of quality work as well.
struct WeeklyLayout: Sendable {
    /// Training weekdays, Monday-based, sorted.
    let trainingDays: [Int]
    /// The long-run weekday.
    let longDay: Int
    /// Quality weekdays, the primary one (used when a week has a single session) first.
    let qualityDays: [Int]
    /// Whether peak-phase long runs may finish at marathon pace (then they count as quality).
    let longRunMayFinishAtM: Bool
    /// The weekday of the second long run of an ultra back-to-back pair.
    let backToBackDay: Int?

    /// Chooses the days for `category` from `trainingDays` with the long run on `longDay`.
    init(trainingDays: [Int], longDay: Int, category: RaceCategory) {
        self.trainingDays = trainingDays
        self.longDay = longDay
        let before = (longDay + 6) % 7, after = (longDay + 1) % 7
        var b2b: Int?
        if category == .ultra, trainingDays.count >= 4, trainingDays.contains(before) { b2b = before }
        backToBackDay = b2b
        var excluded: Set<Int> = [longDay, before]
        if let b2b { excluded.insert((b2b + 6) % 7) }
        var chosen: [Int]
        var mFinish = false
        if category == .marathon {
            let strict = Self.pick(count: 2, from: trainingDays, excluding: excluded.union([after]), longDay: longDay)
            let relaxed = Self.pick(count: 2, from: trainingDays, excluding: excluded, longDay: longDay)
            if strict.count == 2 || relaxed.count <= strict.count {
                chosen = strict
                mFinish = true
            } else {
                chosen = relaxed
            }
        } else {
            chosen = Self.pick(count: 2, from: trainingDays, excluding: excluded, longDay: longDay)
        }
        // Primary first: the session furthest from the long run (ties: earlier weekday).
        chosen.sort { (Self.gap($0, longDay), -$0) > (Self.gap($1, longDay), -$1) }
        qualityDays = chosen
        longRunMayFinishAtM = mFinish
    }

    /// Days between two weekdays around the week's circle (0 … 3).
    static func gap(_ a: Int, _ b: Int) -> Int {
        let d = abs(a - b) % 7
        return min(d, 7 - d)
    }

    /// The best set of up to `count` candidate days with no two adjacent: widest minimum spacing
    /// (long run included), then avoiding the day after the long run, then the earliest weekdays.
    static func pick(count: Int, from days: [Int], excluding: Set<Int>, longDay: Int) -> [Int] {
        let candidates = days.filter { !excluding.contains($0) }
        for size in stride(from: min(count, candidates.count), through: 1, by: -1) {
            var best: [Int]?
            var bestScore: (Int, Int) = (-1, -1)
            for combo in combinations(candidates, size) {
                guard zip(combo, combo.dropFirst()).allSatisfy({ gap($0, $1) >= 2 }),
                      combo.count < 2 || gap(combo.first!, combo.last!) >= 2 else { continue }
                let all = combo + [longDay]
                var minGap = 7
                for i in all.indices { for j in all.indices where j > i { minGap = min(minGap, gap(all[i], all[j])) } }
                let score = (minGap, combo.contains((longDay + 1) % 7) ? 0 : 1)
                if score > bestScore { bestScore = score; best = combo }
            }
            if let best { return best }
        }
        return []
    }

    /// All `size`-element subsets of `items`, in lexicographic order.
    static func combinations(_ items: [Int], _ size: Int) -> [[Int]] {
        guard size > 0 else { return [[]] }
        guard items.count >= size else { return [] }
        var result: [[Int]] = []
        for (index, item) in items.enumerated() {
            for rest in combinations(Array(items[(index + 1)...]), size - 1) { result.append([item] + rest) }
        }
        return result
    }
}
