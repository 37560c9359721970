import TrainingDomain

/// Writes one planned workout as a FIT workout file (`file_id` type workout), the file Garmin watches and Garmin Connect import.
///
/// Layout, per Garmin's FIT profile (SDK 21.218): a 14-byte header with its CRC; `file_id` (type workout, manufacturer
/// development, `time_created`); `workout` (sport running, `wkt_name`, `num_valid_steps`); one `workout_step` per
/// segment in order, a repeat becoming a `repeat_until_steps_cmplt` step after the steps it repeats; the file CRC.
/// Same workout and time in, same bytes out.
public enum FITWorkoutEncoder {
    /// FIT strings are null-terminated in a field of at most 255 bytes.
    static let maximumStringBytes = 254
    /// A message index is a uint16 and 0xFFFF means invalid.
    static let maximumSteps = 0xFFFE

    /// The FIT file bytes of `workout`, stamped `timeCreatedEpochSeconds` (Unix seconds, UTC) as its creation time.
    public static func encode(_ workout: PlannedWorkout, timeCreatedEpochSeconds: Int64) throws(FITWorkoutEncodingError) -> [UInt8] {
        let steps = FITWorkoutStep.steps(for: workout.segments)
        guard !steps.isEmpty else { throw .noSteps }
        guard steps.count <= maximumSteps else { throw .tooManySteps(steps.count) }
        let fitTime = timeCreatedEpochSeconds - FITProfile.fitEpochOffsetSeconds
        guard fitTime >= 0, fitTime < Int64(UInt32.max) else { throw .timeCreatedOutOfRange(timeCreatedEpochSeconds) }

        let name = stringBytes(workout.title)
        let notes = steps.map { stringBytes($0.notes) }
        let notesSize = notes.map(\.count).max().map { $0 > 0 ? $0 + 1 : 0 } ?? 0
        var writer = FITMessageWriter(reserving: 14, capacity: 120 + steps.count * (32 + notesSize) + name.count)

        let fileIdFields: [FITMessageWriter.Field] = [.init(0, .enumeration), .init(1, .uint16), .init(2, .uint16), .init(4, .uint32)]
        writer.define(localType: 0, message: .fileId, fields: fileIdFields)
        writer.write(localType: 0, fields: fileIdFields, values: [
            .number(FITProfile.fileTypeWorkout), .number(FITProfile.manufacturerDevelopment), .number(0), .number(UInt32(fitTime)),
        ])

        let workoutFields: [FITMessageWriter.Field] = [.init(4, .enumeration), .init(6, .uint16), .init(string: 8, size: name.count + 1)]
        writer.define(localType: 1, message: .workout, fields: workoutFields)
        writer.write(localType: 1, fields: workoutFields, values: [
            .number(FITProfile.sportRunning), .number(UInt32(steps.count)), .string(name),
        ])

        var stepFields: [FITMessageWriter.Field] = [
            .init(254, .uint16), .init(1, .enumeration), .init(2, .uint32), .init(3, .enumeration), .init(4, .uint32),
            .init(5, .uint32), .init(6, .uint32), .init(7, .enumeration),
        ]
        if notesSize > 0 { stepFields.append(.init(string: 8, size: notesSize)) }
        writer.define(localType: 2, message: .workoutStep, fields: stepFields)
        for (index, step) in steps.enumerated() {
            var values: [FITMessageWriter.Value] = [
                .number(UInt32(index)), .number(step.durationType.rawValue), .number(step.durationValue),
                .number(step.targetType?.rawValue), .number(step.targetValue), .number(step.customTargetLow),
                .number(step.customTargetHigh), .number(step.intensity?.rawValue),
            ]
            if notesSize > 0 { values.append(.string(notes[index])) }
            writer.write(localType: 2, fields: stepFields, values: values)
        }

        let dataSize = UInt32(writer.bytes.count - 14)
        var header: [UInt8] = [14, FITProfile.protocolVersion]
        header += [UInt8(FITProfile.profileVersion & 0xFF), UInt8(FITProfile.profileVersion >> 8)]
        header += (0..<4).map { UInt8(truncatingIfNeeded: dataSize >> (8 * UInt32($0))) }
        header += Array(".FIT".utf8)
        let headerCRC = FITChecksum.crc(of: header, in: 0..<12)
        header += [UInt8(headerCRC & 0xFF), UInt8(headerCRC >> 8)]
        writer.replaceHeader(with: header)
        writer.appendCRC()
        return writer.bytes
    }

    /// The UTF-8 bytes of `text` without NULs (a NUL ends a FIT string), cut to fit a field without splitting a character.
    static func stringBytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars where scalar.value != 0 {
            let encoded = Array(String(scalar).utf8)
            guard bytes.count + encoded.count <= maximumStringBytes else { break }
            bytes += encoded
        }
        return bytes
    }
}
