/// One page of a list: at most `limit` records, starting after the record whose id is `after`, in the list's order.
///
/// Pages are keyset pages: the store finds the `after` record and continues from its sort key, so a page is as fast
/// at the end of a long list as at its start, and a record added or changed meanwhile neither repeats nor skips
/// the records around it.
public struct Page: Sendable, Hashable {
    /// The largest page, and the size of a page when none is asked for.
    public static let maximumLimit = 1_000

    /// The id of the last record of the previous page; nil for the first page.
    public var after: String?
    /// How many records at most, 1 … ``maximumLimit``.
    public var limit: Int

    /// A page of `limit` records after the record `after`.
    public init(after: String? = nil, limit: Int = Page.maximumLimit) {
        self.after = after
        self.limit = limit
    }
}

/// A page's `after` names no record of the list (another athlete's plan, an id never stored).
public struct UnknownPageCursor: Error, Hashable, Sendable {
    /// What the list holds (`athlete`, `plan`, `race`, `execution`).
    public var entity: String
    /// The id given as `after`.
    public var id: String

    /// The error for `id` in a list of `entity`.
    public init(entity: String, id: String) {
        self.entity = entity
        self.id = id
    }
}
