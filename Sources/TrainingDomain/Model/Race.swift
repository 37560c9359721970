/// A race an athlete can train for: many plans may target one race.
public struct Race: Codable, Hashable, Sendable, Identifiable {
    /// The race's id.
    public var id: String
    /// Race name.
    public var name: String
    /// Race day.
    public var date: CalendarDate
    /// Race distance in metres.
    public var distanceMeters: Double
    /// Where it is run, free text.
    public var location: String?
    /// When the record was created (RFC 3339, UTC).
    public var createdAt: String

    public init(id: String, name: String, date: CalendarDate, distanceMeters: Double, location: String? = nil, createdAt: String) {
        self.id = id
        self.name = name
        self.date = date
        self.distanceMeters = distanceMeters
        self.location = location
        self.createdAt = createdAt
    }
}
