/// How a plan's weeks are divided into base, build, peak and taper.
///
/// Daniels divides a season into four phases (foundation, early quality, transition quality, final quality);
/// Pfitzinger & Douglas into endurance, lactate threshold + endurance, race preparation and taper. Here:
/// the taper is fixed by distance (see `RaceCategory.taperWeeks`); of the weeks before it ~40 % are base,
/// ~20 % (1–4 weeks) peak and the rest build. Weeks beyond a full race-specific plan (`specificWeeks`) lengthen
/// the base. With three weeks or fewer before the taper the plan only sharpens (peak) and tapers.
struct PhaseLayout: Sendable {
    /// The phase of each week.
    let phases: [TrainingPhase]
    /// Weeks before the taper.
    let preTaperWeeks: Int

    /// Lays out `weekCount` weeks with a `taperWeeks`-week taper; a full race-specific plan is `specificWeeks` long.
    init(weekCount: Int, taperWeeks: Int, specificWeeks: Int) {
        let before = max(0, weekCount - taperWeeks)
        let taper = Array(repeating: TrainingPhase.taper, count: weekCount - before)
        preTaperWeeks = before
        guard before > 3 else {
            phases = Array(repeating: .peak, count: before) + taper
            return
        }
        let specific = min(before, max(4, specificWeeks - taperWeeks))
        let extra = before - specific
        let peak = max(1, min(4, Int((Double(specific) * 0.2).rounded())))
        let base = min(specific - peak, max(1, Int((Double(specific) * 0.4).rounded()))) + extra
        let build = before - peak - base
        phases = Array(repeating: .base, count: base) + Array(repeating: .build, count: build)
            + Array(repeating: .peak, count: peak) + taper
    }
}
