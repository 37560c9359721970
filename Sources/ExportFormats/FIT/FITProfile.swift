/// The numbers of Garmin's FIT profile that a workout file uses (FIT SDK 21.218, `Profile.xlsx` / `profile.py`).
enum FITProfile {
    /// Global message numbers.
    enum Message: UInt16 {
        case fileId = 0
        case workout = 26
        case workoutStep = 27
    }

    /// FIT base types, as written in a field definition (the high bit marks multi-byte types).
    enum BaseType: UInt8 {
        case enumeration = 0x00
        case uint8 = 0x02
        case string = 0x07
        case uint16 = 0x84
        case uint32 = 0x86

        /// The bytes one value of the type takes (strings are sized per field).
        var size: Int {
            switch self {
            case .enumeration, .uint8, .string: 1
            case .uint16: 2
            case .uint32: 4
            }
        }

        /// The value that means "not set".
        var invalid: UInt32 {
            switch self {
            case .enumeration, .uint8: 0xFF
            case .string: 0
            case .uint16: 0xFFFF
            case .uint32: 0xFFFF_FFFF
            }
        }
    }

    /// `file` enum: the file_id type of a workout file.
    static let fileTypeWorkout: UInt32 = 5
    /// `manufacturer` enum: `development`, for software that is not a registered manufacturer.
    static let manufacturerDevelopment: UInt32 = 255
    /// `sport` enum: running.
    static let sportRunning: UInt32 = 1

    /// `wkt_step_duration` enum values used here.
    enum StepDuration: UInt32 {
        case time = 0
        case distance = 1
        case open = 5
        case repeatUntilStepsComplete = 6
    }

    /// `wkt_step_target` enum values used here.
    enum StepTarget: UInt32 {
        case speed = 0
        case heartRate = 1
        case open = 2
    }

    /// `intensity` enum.
    enum Intensity: UInt32 {
        case active = 0
        case rest = 1
        case warmUp = 2
        case coolDown = 3
        case recovery = 4
        case interval = 5
    }

    /// `duration_time` is stored in milliseconds (scale 1000, units s).
    static let durationTimeScale = 1000.0
    /// `duration_distance` is stored in centimetres (scale 100, units m).
    static let durationDistanceScale = 100.0
    /// `custom_target_speed_low/high` are stored in mm/s (scale 1000, units m/s).
    static let speedScale = 1000.0
    /// Seconds from the Unix epoch to the FIT epoch, 1989-12-31T00:00:00Z (`date_time`).
    static let fitEpochOffsetSeconds: Int64 = 631_065_600
    /// The protocol version in the file header: 2.0.
    static let protocolVersion: UInt8 = 0x20
    /// The profile version in the file header: 21.218 as the SDK writes it (major × 1000 + minor).
    static let profileVersion: UInt16 = 21_218
}
