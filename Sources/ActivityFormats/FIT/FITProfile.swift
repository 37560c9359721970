/// The parts of Garmin's FIT profile this decoder uses: message numbers, field numbers and enum names.
enum FITProfile {
    /// Global message numbers.
    enum Message {
        static let fileID: UInt16 = 0
        static let sport: UInt16 = 12
        static let session: UInt16 = 18
        static let lap: UInt16 = 19
        static let record: UInt16 = 20
        static let activity: UInt16 = 34
    }

    /// `file` enum values the decoder needs.
    enum FileType {
        static let activity = 4
    }

    /// Seconds from 1970-01-01T00:00:00Z to the FIT epoch 1989-12-31T00:00:00Z.
    static let epochOffset: Double = 631_065_600

    /// Whether the decoder reads field `field` of message `global` (other fields are skipped by size).
    @inline(__always)
    static func isUsed(global: UInt16, field: UInt8) -> Bool {
        switch global {
        case Message.record:
            switch field {
            case 0, 1, 2, 3, 4, 5, 6, 8, 73, 78: return true
            default: return false
            }
        case Message.session:
            switch field {
            case 2, 5, 6, 7, 8, 9, 11, 14, 16, 17, 22, 23, 25, 26, 124: return true
            default: return false
            }
        case Message.lap:
            switch field {
            case 2, 7, 8, 9, 11, 13, 15, 16, 21, 22, 25, 110: return true
            default: return false
            }
        case Message.activity: return field == 5
        case Message.fileID: return field == 0
        case Message.sport: return field == 0 || field == 1
        default: return false
        }
    }

    /// camelCase name of a `file` enum value (file_id.type).
    static func fileTypeName(_ value: Int) -> String {
        switch value {
        case 1: return "device"
        case 2: return "settings"
        case 3: return "sport"
        case 4: return "activity"
        case 5: return "workout"
        case 6: return "course"
        case 7: return "schedules"
        case 9: return "weight"
        case 10: return "totals"
        case 11: return "goals"
        case 14: return "bloodPressure"
        case 15: return "monitoringA"
        case 20: return "activitySummary"
        case 28: return "monitoringDaily"
        case 32: return "monitoringB"
        case 34: return "segment"
        case 35: return "segmentList"
        case 40: return "exdConfiguration"
        case 247...254: return "manufacturerSpecific"
        default: return "unknown\(value)"
        }
    }

    /// camelCase names of the `sport` enum, indexed by value (profile 21.x); "" marks unassigned values.
    static let sportNames: [String] = {
        var names = [String](repeating: "", count: 85)
        let known: [(Int, String)] = [
            (0, "generic"), (1, "running"), (2, "cycling"), (3, "transition"), (4, "fitnessEquipment"),
            (5, "swimming"), (6, "basketball"), (7, "soccer"), (8, "tennis"), (9, "americanFootball"),
            (10, "training"), (11, "walking"), (12, "crossCountrySkiing"), (13, "alpineSkiing"),
            (14, "snowboarding"), (15, "rowing"), (16, "mountaineering"), (17, "hiking"), (18, "multisport"),
            (19, "paddling"), (20, "flying"), (21, "eBiking"), (22, "motorcycling"), (23, "boating"),
            (24, "driving"), (25, "golf"), (26, "hangGliding"), (27, "horsebackRiding"), (28, "hunting"),
            (29, "fishing"), (30, "inlineSkating"), (31, "rockClimbing"), (32, "sailing"), (33, "iceSkating"),
            (34, "skyDiving"), (35, "snowshoeing"), (36, "snowmobiling"), (37, "standUpPaddleboarding"),
            (38, "surfing"), (39, "wakeboarding"), (40, "waterSkiing"), (41, "kayaking"), (42, "rafting"),
            (43, "windsurfing"), (44, "kitesurfing"), (45, "tactical"), (46, "jumpmaster"), (47, "boxing"),
            (48, "floorClimbing"), (49, "baseball"), (53, "diving"), (62, "hiit"), (64, "racket"),
            (65, "wheelchairPushWalk"), (66, "wheelchairPushRun"), (67, "meditation"), (69, "discGolf"),
            (71, "cricket"), (72, "rugby"), (73, "hockey"), (74, "lacrosse"), (75, "volleyball"),
            (76, "waterTubing"), (77, "wakesurfing"), (80, "mixedMartialArts"), (82, "snorkeling"),
            (83, "dance"), (84, "jumpRope"),
        ]
        for (value, name) in known { names[value] = name }
        return names
    }()

    /// camelCase name of a `sport` value; "other" for values this profile does not know.
    static func sportName(_ value: Int) -> String {
        if value == 254 { return "all" }
        if value >= 0, value < sportNames.count, !sportNames[value].isEmpty { return sportNames[value] }
        return "other"
    }

    /// camelCase names of the `sub_sport` enum, indexed by value (profile 21.x); "" marks unassigned values.
    static let subSportNames: [String] = {
        var names = [String](repeating: "", count: 120)
        let known: [(Int, String)] = [
            (0, "generic"), (1, "treadmill"), (2, "street"), (3, "trail"), (4, "track"), (5, "spin"),
            (6, "indoorCycling"), (7, "road"), (8, "mountain"), (9, "downhill"), (10, "recumbent"),
            (11, "cyclocross"), (12, "handCycling"), (13, "trackCycling"), (14, "indoorRowing"),
            (15, "elliptical"), (16, "stairClimbing"), (17, "lapSwimming"), (18, "openWater"),
            (19, "flexibilityTraining"), (20, "strengthTraining"), (21, "warmUp"), (22, "match"),
            (23, "exercise"), (24, "challenge"), (25, "indoorSkiing"), (26, "cardioTraining"),
            (27, "indoorWalking"), (28, "eBikeFitness"), (29, "bmx"), (30, "casualWalking"),
            (31, "speedWalking"), (32, "bikeToRunTransition"), (33, "runToBikeTransition"),
            (34, "swimToBikeTransition"), (35, "atv"), (36, "motocross"), (37, "backcountry"), (38, "resort"),
            (39, "rcDrone"), (40, "wingsuit"), (41, "whitewater"), (42, "skateSkiing"), (43, "yoga"),
            (44, "pilates"), (45, "indoorRunning"), (46, "gravelCycling"), (47, "eBikeMountain"),
            (48, "commuting"), (49, "mixedSurface"), (50, "navigate"), (51, "trackMe"), (52, "map"),
            (53, "singleGasDiving"), (54, "multiGasDiving"), (55, "gaugeDiving"), (56, "apneaDiving"),
            (57, "apneaHunting"), (58, "virtualActivity"), (59, "obstacle"), (62, "breathing"),
            (65, "sailRace"), (67, "ultra"), (68, "indoorClimbing"), (69, "bouldering"), (70, "hiit"),
            (73, "amrap"), (74, "emom"), (75, "tabata"), (84, "pickleball"), (85, "padel"),
            (86, "indoorWheelchairWalk"), (87, "indoorWheelchairRun"), (88, "indoorHandCycling"),
            (94, "squash"), (95, "badminton"), (96, "racquetball"), (97, "tableTennis"), (110, "flyCanopy"),
            (111, "flyParaglide"), (112, "flyParamotor"), (113, "flyPressurized"), (114, "flyNavigate"),
            (115, "flyTimer"), (116, "flyAltimeter"), (117, "flyWx"), (118, "flyVfr"), (119, "flyIfr"),
        ]
        for (value, name) in known { names[value] = name }
        return names
    }()

    /// camelCase name of a `sub_sport` value; "other" for values this profile does not know.
    static func subSportName(_ value: Int) -> String {
        if value == 254 { return "all" }
        if value >= 0, value < subSportNames.count, !subSportNames[value].isEmpty { return subSportNames[value] }
        return "other"
    }
}
