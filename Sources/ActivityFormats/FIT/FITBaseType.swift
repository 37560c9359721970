/// FIT base types: element sizes, byte order and invalid values.
enum FITBaseType {
    /// Element size in bytes of base type `number` (low 5 bits of the base type byte); 1 for unknown types.
    @inline(__always)
    static func size(_ baseType: UInt8) -> Int {
        switch baseType & 0x1F {
        case 3, 4, 11: return 2
        case 5, 6, 8, 12: return 4
        case 9, 14, 15, 16: return 8
        default: return 1
        }
    }

    /// Unsigned integer of `n` bytes at `at`, little- or big-endian.
    @inline(__always)
    static func raw(_ b: UnsafeRawBufferPointer, _ at: Int, _ n: Int, _ bigEndian: Bool) -> UInt64 {
        var v: UInt64 = 0
        if bigEndian {
            for i in 0..<n { v = v << 8 | UInt64(b[at + i]) }
        } else {
            var i = n - 1
            while i >= 0 {
                v = v << 8 | UInt64(b[at + i])
                i -= 1
            }
        }
        return v
    }

    /// Loads a `T` at `at` in the given byte order (unaligned).
    @inline(__always)
    static func load<T: FixedWidthInteger>(_ b: UnsafeRawBufferPointer, _ at: Int, _ bigEndian: Bool, as: T.Type) -> T {
        let v = b.loadUnaligned(fromByteOffset: at, as: T.self)
        return bigEndian ? T(bigEndian: v) : T(littleEndian: v)
    }

    /// The first element of a field as a number, or nil when it holds the type's invalid value, is a string,
    /// or is shorter than one element (a field size that is not a multiple of the element size reads its first whole element).
    @inline(__always)
    static func number(_ b: UnsafeRawBufferPointer, at: Int, size: Int, baseType: UInt8, bigEndian: Bool) -> Double? {
        switch baseType & 0x1F {
        case 0, 2, 13:  // enum, uint8, byte
            guard size >= 1 else { return nil }
            let v = b[at]
            return v == 0xFF ? nil : Double(v)
        case 1:
            guard size >= 1 else { return nil }
            let v = Int8(bitPattern: b[at])
            return v == 0x7F ? nil : Double(v)
        case 10:
            guard size >= 1 else { return nil }
            let v = b[at]
            return v == 0 ? nil : Double(v)
        case 3:
            guard size >= 2 else { return nil }
            let v = load(b, at, bigEndian, as: Int16.self)
            return v == 0x7FFF ? nil : Double(v)
        case 4:
            guard size >= 2 else { return nil }
            let v = load(b, at, bigEndian, as: UInt16.self)
            return v == 0xFFFF ? nil : Double(v)
        case 11:
            guard size >= 2 else { return nil }
            let v = load(b, at, bigEndian, as: UInt16.self)
            return v == 0 ? nil : Double(v)
        case 5:
            guard size >= 4 else { return nil }
            let v = load(b, at, bigEndian, as: Int32.self)
            return v == 0x7FFF_FFFF ? nil : Double(v)
        case 6:
            guard size >= 4 else { return nil }
            let v = load(b, at, bigEndian, as: UInt32.self)
            return v == 0xFFFF_FFFF ? nil : Double(v)
        case 12:
            guard size >= 4 else { return nil }
            let v = load(b, at, bigEndian, as: UInt32.self)
            return v == 0 ? nil : Double(v)
        case 8:
            guard size >= 4 else { return nil }
            let v = load(b, at, bigEndian, as: UInt32.self)
            if v == 0xFFFF_FFFF { return nil }
            let f = Float(bitPattern: v)
            return f.isFinite ? Double(f) : nil
        case 9:
            guard size >= 8 else { return nil }
            let v = load(b, at, bigEndian, as: UInt64.self)
            if v == UInt64.max { return nil }
            let d = Double(bitPattern: v)
            return d.isFinite ? d : nil
        case 14:
            guard size >= 8 else { return nil }
            let v = load(b, at, bigEndian, as: Int64.self)
            return v == Int64.max ? nil : Double(v)
        case 15:
            guard size >= 8 else { return nil }
            let v = load(b, at, bigEndian, as: UInt64.self)
            return v == UInt64.max ? nil : Double(v)
        case 16:
            guard size >= 8 else { return nil }
            let v = load(b, at, bigEndian, as: UInt64.self)
            return v == 0 ? nil : Double(v)
        default:  // 7 string, unknown types
            return nil
        }
    }

    /// A 32-bit FIT `date_time` (or any unsigned field of at least 4 bytes) as raw seconds, nil when invalid.
    @inline(__always)
    static func timestamp(_ b: UnsafeRawBufferPointer, at: Int, size: Int, baseType: UInt8, bigEndian: Bool) -> UInt32? {
        guard size >= 4 else { return nil }
        let type = baseType & 0x1F
        guard type == 6 || type == 12 || type == 5 || type == 13 || type == 0 || type == 2 else { return nil }
        let r = load(b, at, bigEndian, as: UInt32.self)
        if r == 0xFFFF_FFFF || (type == 12 && r == 0) { return nil }
        return r
    }
}
