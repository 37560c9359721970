/// How a plan's weeks are divided into base, build, peak and taper.
///
/// Daniels divides a season into four phases (foundation, early quality, transition quality, final quality);
/// Pfitzinger & Douglas into endurance, lactate threshold + endurance, race preparation and taper. Here:
/// the taper is fixed by distance (see `RaceCategory.taperWeeks`); of the weeks before it ~40 % are base,
/// ~20 % (1–4 weeks) peak and the rest build.
struct PhaseLayout: Sendable {
    /// The phase of each week.
    let phases: [TrainingPhase]
    /// Weeks before the taper.
    let preTaperWeeks: Int

    /// Lays out `weekCount` weeks with a `taperWeeks`-week taper (`weekCount - taperWeeks` ≥ 3).
    init(weekCount: Int, taperWeeks: Int) {
        let before = max(0, weekCount - taperWeeks)
        let peak = before == 0 ? 0 : max(1, min(4, Int((Double(before) * 0.2).rounded())))
        let base = min(before - peak, max(before >= 3 ? 1 : 0, Int((Double(before) * 0.4).rounded())))
        let build = before - peak - base
        phases = Array(repeating: .base, count: base) + Array(repeating: .build, count: build)
            + Array(repeating: .peak, count: peak) + Array(repeating: .taper, count: weekCount - before)
        preTaperWeeks = before
    }
}
