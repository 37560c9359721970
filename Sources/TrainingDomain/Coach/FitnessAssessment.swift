/// What the coach concludes about the athlete's fitness and goal before planning.
///
/// Daniels' rule (Daniels' Running Formula, ch. 5): train at the paces of *current* fitness, never at the goal's;
/// paces move up only after a race proves a higher VDOT. So E, T, I and R paces come from the current VDOT.
/// Race-specific work (marathon pace, half-marathon pace, the race-week sharpener) and race day itself use the
/// *target*: the goal when it is realistic, else the time of the best realistic VDOT.
///
/// "Realistic": Daniels raises VDOT by about one point every 4–6 weeks of consistent training once races justify
/// it, and gains beyond ~5–6 % in one block are uncommon for a runner who already trains. So the realistic gain
/// grows with the weeks available: 1 % + 0.3 % a week, at most 6 % (4 weeks 2.2 %, 12 weeks 4.6 %, 17+ weeks 6 %).
/// A goal beyond it gets a warning naming the target the plan uses instead; the plan is still generated.
struct FitnessAssessment: Sendable {
    /// Largest VDOT gain over current fitness treated as realistic within a plan of `weeks` weeks.
    static func realisticGain(weeks: Int) -> Double { min(0.06, 0.01 + 0.003 * Double(max(0, weeks))) }
    /// VDOT assumed when neither a race nor a goal says anything about fitness (a steady recreational runner).
    static let unknownFitnessVDOT = 35.0
    /// Accepted VDOT range for a recent race (15: a brisk walk over 5 km; 85: world-class).
    static let plausibleVDOT: ClosedRange<Double> = 15...85

    /// Current VDOT from the recent race; nil when no race was given.
    let currentVDOT: Double?
    /// VDOT for E, T, I and R paces.
    let trainingVDOT: Double
    /// Goal time in seconds (asked for, or predicted).
    let goalTime: Double
    /// VDOT the goal time implies.
    let goalVDOT: Double
    /// VDOT for race-pace work: the goal's when realistic, else current plus the realistic gain.
    let racePaceVDOT: Double
    /// The time the plan prepares for, in seconds: the goal when realistic, else the realistic time.
    let targetTime: Double
    /// Current fitness' prediction for the race, in seconds.
    let predictedTime: Double?
    /// Warnings for the athlete.
    let warnings: [String]

    /// Assesses `request` for a race of `distanceMeters`.
    init(request: PlanRequest, distanceMeters: Double, weeks: Int) throws(PlanRequestError) {
        var warnings: [String] = []
        var current: Double?
        if let race = request.recentRace {
            guard race.distanceMeters.isFinite, race.timeSeconds.isFinite,
                  (800...100_000).contains(race.distanceMeters), race.timeSeconds > 0 else {
                throw PlanRequestError(field: "recentRace", reason: "a recent race needs a distance of 800 m to 100 km and a positive time")
            }
            let vdot = VDOT.from(distanceMeters: race.distanceMeters, timeSeconds: race.timeSeconds)
            guard Self.plausibleVDOT.contains(vdot) else {
                throw PlanRequestError(
                    field: "recentRace",
                    reason: "\(Format.clock(race.timeSeconds)) over \(Format.kilometers(race.distanceMeters)) km gives VDOT \(Format.oneDecimal(vdot)), outside the plausible 15–85"
                )
            }
            current = vdot
        }
        let predicted = current.map { RacePredictor.time(vdot: $0, distanceMeters: distanceMeters) }

        let goal: Double
        if let asked = request.goalTimeSeconds {
            let pace = asked / (distanceMeters / 1000)
            guard asked.isFinite, asked > 0, (150...900).contains(pace) else {
                throw PlanRequestError(
                    field: "goalTimeSeconds",
                    reason: "a goal of \(asked.isFinite && asked > 0 ? Format.clock(asked) : "\(asked) s") means \(pace.isFinite ? Format.pace(pace) : "no pace"); goals between 2:30/km and 15:00/km are accepted"
                )
            }
            goal = asked
        } else if let predicted {
            goal = predicted
        } else {
            goal = RacePredictor.time(vdot: Self.unknownFitnessVDOT, distanceMeters: distanceMeters)
        }
        let goalPace = goal / (distanceMeters / 1000)
        guard (150...900).contains(goalPace) else {
            throw PlanRequestError(
                field: "recentRace",
                reason: "current fitness predicts \(Format.clock(goal)) for \(Format.kilometers(distanceMeters)) km (\(Format.pace(goalPace))); "
                    + "this coach plans races run between 2:30/km and 15:00/km"
            )
        }
        let goalVDOT = RacePredictor.vdot(timeSeconds: goal, distanceMeters: distanceMeters)

        let training: Double
        let racePace: Double
        var target = goal
        if let current, let predicted {
            training = current
            let gain = Self.realisticGain(weeks: weeks)
            let ceiling = current * (1 + gain)
            racePace = min(goalVDOT, ceiling)
            if goalVDOT > ceiling {
                let realistic = RacePredictor.time(vdot: ceiling, distanceMeters: distanceMeters)
                target = realistic
                let needed = (goalVDOT / current - 1) * 100
                warnings.append(
                    "Your goal of \(Format.clock(goal)) needs VDOT \(Format.oneDecimal(goalVDOT)), but your current fitness "
                        + "(VDOT \(Format.oneDecimal(current))) predicts \(Format.clock(predicted)). That is a \(Format.oneDecimal(needed)) % "
                        + "jump; about \(Format.oneDecimal(gain * 100)) % is realistic in \(weeks) week\(weeks == 1 ? "" : "s"), so the plan targets "
                        + "\(Format.clock(realistic)) (VDOT \(Format.oneDecimal(ceiling))): race-pace sessions and race day are at "
                        + "\(Format.pace(realistic / (distanceMeters / 1000))) instead of the goal's \(Format.pace(goal / (distanceMeters / 1000))). "
                        + "Starting at the goal's pace risks blowing up halfway; keep the goal for a later race."
                )
            }
        } else if request.goalTimeSeconds != nil {
            training = max(Self.plausibleVDOT.lowerBound, goalVDOT / (1 + Self.realisticGain(weeks: weeks)))
            racePace = goalVDOT
            warnings.append(
                "No recent race was given, so training paces assume your goal is about \(Format.oneDecimal(Self.realisticGain(weeks: weeks) * 100)) % beyond your current fitness "
                    + "(VDOT \(Format.oneDecimal(training))). Run a 5K time trial and regenerate the plan to calibrate them."
            )
        } else {
            training = Self.unknownFitnessVDOT
            racePace = Self.unknownFitnessVDOT
            warnings.append(
                "Neither a recent race nor a goal was given, so the plan assumes a steady recreational runner "
                    + "(VDOT \(Format.oneDecimal(training)), about \(Format.clock(RacePredictor.time(vdot: training, distanceMeters: 5000))) for 5K). "
                    + "Run a 5K time trial and regenerate the plan to get paces that fit you."
            )
        }
        self.currentVDOT = current
        self.trainingVDOT = training
        self.goalTime = goal
        self.goalVDOT = goalVDOT
        self.racePaceVDOT = racePace
        self.targetTime = target
        self.predictedTime = predicted
        self.warnings = warnings
    }
}
