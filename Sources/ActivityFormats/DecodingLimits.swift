/// Bounds that keep hostile input from allocating without limit.
public enum DecodingLimits {
    /// Most samples kept from one file (further samples are counted but dropped).
    public static let maximumSamples = 2_000_000
}
