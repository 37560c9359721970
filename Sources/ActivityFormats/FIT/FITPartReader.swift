import Foundation

/// Reads the messages of one FIT part: record headers, definitions, data messages and compressed timestamps.
struct FITPartReader {
    /// Most samples kept from one file, so hostile input cannot allocate without bound.
    static let maximumSamples = DecodingLimits.maximumSamples

    /// Why reading stopped before the end of the data, with the byte offset.
    struct Stop {
        var reason: String
        var offset: Int
    }

    private var definitions = [FITMessageDefinition?](repeating: nil, count: 16)
    private var lastTimestamp: UInt32?
    private var distanceAccumulator: UInt32 = 0
    private var lastCompressedDistance: UInt32 = 0
    private var part: FITPart
    private let samplesAlreadyKept: Int
    private var end = 0

    private init(offset: Int, samplesAlreadyKept: Int) {
        part = FITPart(offset: offset)
        self.samplesAlreadyKept = samplesAlreadyKept
    }

    /// Decodes the messages in `b[start..<end]`; returns the part and, if it stopped early, why.
    static func read(_ b: UnsafeRawBufferPointer, partOffset: Int, start: Int, end: Int, samplesAlreadyKept: Int)
        -> (FITPart, Stop?)
    {
        var reader = FITPartReader(offset: partOffset, samplesAlreadyKept: samplesAlreadyKept)
        let stop = reader.run(b, start: start, end: end)
        return (reader.part, stop)
    }

    private mutating func run(_ b: UnsafeRawBufferPointer, start: Int, end: Int) -> Stop? {
        self.end = end
        var pos = start
        while pos < end {
            let header = b[pos]
            if header & 0x80 != 0 {
                // Compressed timestamp header: local type in bits 5-6, time offset in bits 0-4.
                let local = Int((header >> 5) & 0x03)
                guard let definition = definitions[local] else {
                    return Stop(reason: "compressed-timestamp message uses undefined local message type \(local)", offset: pos)
                }
                guard pos + 1 + definition.messageSize <= end else {
                    return Stop(reason: "message of \(definition.messageSize) bytes runs past the data end", offset: pos)
                }
                var timestamp: UInt32?
                if let last = lastTimestamp {
                    let offset = UInt32(header & 0x1F)
                    let t = (last & ~UInt32(0x1F)) &+ offset
                    timestamp = offset >= (last & 0x1F) ? t : t &+ 0x20
                    lastTimestamp = timestamp
                }
                dataMessage(b, at: pos + 1, definition, headerTimestamp: timestamp)
                pos += 1 + definition.messageSize
            } else if header & 0x40 != 0 {
                guard
                    let (definition, length) = FITMessageDefinition.parse(
                        b, at: pos + 1, end: end, hasDeveloperFields: header & 0x20 != 0)
                else {
                    return Stop(reason: "definition message runs past the data end", offset: pos)
                }
                definitions[Int(header & 0x0F)] = definition
                part.messageCount += 1
                pos += 1 + length
            } else {
                let local = Int(header & 0x0F)
                guard let definition = definitions[local] else {
                    return Stop(reason: "data message uses undefined local message type \(local)", offset: pos)
                }
                guard pos + 1 + definition.messageSize <= end else {
                    return Stop(reason: "message of \(definition.messageSize) bytes runs past the data end", offset: pos)
                }
                dataMessage(b, at: pos + 1, definition, headerTimestamp: nil)
                pos += 1 + definition.messageSize
            }
        }
        return nil
    }

    @inline(__always)
    private mutating func dataMessage(
        _ b: UnsafeRawBufferPointer, at: Int, _ d: FITMessageDefinition, headerTimestamp: UInt32?
    ) {
        part.messageCount += 1
        var timestamp = headerTimestamp
        if d.timestampOffset >= 0,
            let t = FITBaseType.timestamp(
                b, at: at + d.timestampOffset, size: d.timestampSize, baseType: d.timestampBaseType,
                bigEndian: d.bigEndian)
        {
            timestamp = t
            lastTimestamp = t
        }
        switch d.globalNumber {
        case FITProfile.Message.record: record(b, at: at, d, timestamp: timestamp)
        case FITProfile.Message.session: session(b, at: at, d, timestamp: timestamp)
        case FITProfile.Message.lap: lap(b, at: at, d, timestamp: timestamp)
        case FITProfile.Message.activity:
            part.activityTimestamp = timestamp
            for f in d.usedFields where f.number == 5 {
                part.activityLocalTimestamp = FITBaseType.timestamp(
                    b, at: at + f.offset, size: f.size, baseType: f.baseType, bigEndian: d.bigEndian)
            }
        case FITProfile.Message.fileID:
            if part.fileType == nil {
                for f in d.usedFields where f.number == 0 {
                    part.fileType = value(b, at, f, d).map { Int($0) }
                }
            }
        case FITProfile.Message.sport:
            for f in d.usedFields {
                let v = value(b, at, f, d).map { Int($0) }
                if f.number == 0 { part.sportMessageSport = v } else { part.sportMessageSubSport = v }
            }
        default: break
        }
    }

    @inline(__always)
    private func value(_ b: UnsafeRawBufferPointer, _ at: Int, _ f: FITMessageDefinition.Field, _ d: FITMessageDefinition)
        -> Double?
    {
        FITBaseType.number(b, at: at &+ f.offset, size: f.size, baseType: f.baseType, bigEndian: d.bigEndian)
    }

    private mutating func record(_ b: UnsafeRawBufferPointer, at: Int, _ d: FITMessageDefinition, timestamp: UInt32?) {
        part.recordCount += 1
        if part.samples.capacity == 0 {
            // Reserve for as many records as the remaining bytes could hold (bounded by the sample cap).
            let estimate = (end - at) / max(d.messageSize + 1, 12) + 1
            part.samples.reserveCapacity(max(0, min(estimate, Self.maximumSamples - samplesAlreadyKept)))
        }
        var lat: Double?
        var lon: Double?
        var altitude: Double?
        var enhancedAltitude: Double?
        var heartRate: Double?
        var cadence: Double?
        var distance: Double?
        var speed: Double?
        var enhancedSpeed: Double?
        var compressedSpeed: Double?
        var compressedDistance: Double?
        for f in d.usedFields {
            switch f.number {
            case 0: lat = value(b, at, f, d)
            case 1: lon = value(b, at, f, d)
            case 2: altitude = value(b, at, f, d)
            case 3: heartRate = value(b, at, f, d)
            case 4: cadence = value(b, at, f, d)
            case 5: distance = value(b, at, f, d)
            case 6: speed = value(b, at, f, d)
            case 73: enhancedSpeed = value(b, at, f, d)
            case 78: enhancedAltitude = value(b, at, f, d)
            case 8:
                // compressed_speed_distance: 3 bytes, speed = 12 bits / 100 m/s, distance = 12 bits / 16 m, accumulated.
                guard f.size >= 3 else { break }
                let b0 = UInt32(b[at + f.offset]), b1 = UInt32(b[at + f.offset + 1]), b2 = UInt32(b[at + f.offset + 2])
                if b0 == 0xFF, b1 == 0xFF, b2 == 0xFF { break }
                let rawSpeed = b0 | (b1 & 0x0F) << 8
                let rawDistance = (b1 >> 4) | b2 << 4
                distanceAccumulator &+= (rawDistance &- lastCompressedDistance) & 0xFFF
                lastCompressedDistance = rawDistance
                compressedSpeed = Double(rawSpeed) / 100
                compressedDistance = Double(distanceAccumulator) / 16
            default: break
            }
        }
        guard let timestamp, samplesAlreadyKept + part.samples.count < Self.maximumSamples else { return }
        let semicircle = 180.0 / 2_147_483_648.0
        let sample = DecodedSample(
            time: Date(timeIntervalSince1970: Double(timestamp) + FITProfile.epochOffset),
            latitude: lat.map { $0 * semicircle },
            longitude: lon.map { $0 * semicircle },
            altitudeMeters: (enhancedAltitude ?? altitude).map { $0 / 5 - 500 },
            distanceMeters: distance.map { $0 / 100 } ?? compressedDistance,
            heartRate: heartRate,
            speedMetersPerSecond: (enhancedSpeed ?? speed).map { $0 / 1000 } ?? compressedSpeed,
            cadence: cadence)
        part.samples.append(sample)
    }

    private mutating func session(_ b: UnsafeRawBufferPointer, at: Int, _ d: FITMessageDefinition, timestamp: UInt32?) {
        var s = FITSessionValues()
        s.timestamp = timestamp
        for f in d.usedFields {
            switch f.number {
            case 2:
                s.startTime = FITBaseType.timestamp(
                    b, at: at + f.offset, size: f.size, baseType: f.baseType, bigEndian: d.bigEndian)
            case 5: s.sport = value(b, at, f, d).map { Int($0) }
            case 6: s.subSport = value(b, at, f, d).map { Int($0) }
            case 7: s.totalElapsedTime = value(b, at, f, d).map { $0 / 1000 }
            case 8: s.totalTimerTime = value(b, at, f, d).map { $0 / 1000 }
            case 9: s.totalDistance = value(b, at, f, d).map { $0 / 100 }
            case 11: s.totalCalories = value(b, at, f, d)
            case 14: s.avgSpeed = value(b, at, f, d).map { $0 / 1000 }
            case 124: s.enhancedAvgSpeed = value(b, at, f, d).map { $0 / 1000 }
            case 16: s.avgHeartRate = value(b, at, f, d)
            case 17: s.maxHeartRate = value(b, at, f, d)
            case 22: s.totalAscent = value(b, at, f, d)
            case 23: s.totalDescent = value(b, at, f, d)
            case 25: s.firstLapIndex = value(b, at, f, d).map { Int($0) }
            case 26: s.numLaps = value(b, at, f, d).map { Int($0) }
            default: break
            }
        }
        if part.sessions.count < Self.maximumSamples { part.sessions.append(s) }
    }

    private mutating func lap(_ b: UnsafeRawBufferPointer, at: Int, _ d: FITMessageDefinition, timestamp: UInt32?) {
        var l = FITLapValues()
        l.timestamp = timestamp
        for f in d.usedFields {
            switch f.number {
            case 2:
                l.startTime = FITBaseType.timestamp(
                    b, at: at + f.offset, size: f.size, baseType: f.baseType, bigEndian: d.bigEndian)
            case 7: l.totalElapsedTime = value(b, at, f, d).map { $0 / 1000 }
            case 8: l.totalTimerTime = value(b, at, f, d).map { $0 / 1000 }
            case 9: l.totalDistance = value(b, at, f, d).map { $0 / 100 }
            case 11: l.totalCalories = value(b, at, f, d)
            case 13: l.avgSpeed = value(b, at, f, d).map { $0 / 1000 }
            case 110: l.enhancedAvgSpeed = value(b, at, f, d).map { $0 / 1000 }
            case 15: l.avgHeartRate = value(b, at, f, d)
            case 16: l.maxHeartRate = value(b, at, f, d)
            case 21: l.totalAscent = value(b, at, f, d)
            case 22: l.totalDescent = value(b, at, f, d)
            case 25: l.sport = value(b, at, f, d).map { Int($0) }
            default: break
            }
        }
        if part.laps.count < Self.maximumSamples { part.laps.append(l) }
    }
}
