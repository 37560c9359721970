/// What `XMLReader` reports while it walks a document, in document order.
protocol XMLEventHandler: AnyObject {
    /// A start tag (or the start of an empty-element tag `<name/>`); `name` is qualified as written (`gpxtpx:hr`),
    /// `attributes` hold the normalised values with entity and character references decoded.
    func startElement(name: String, attributes: [String: String])
    /// One run of text or CDATA between two tags (references decoded, line ends as LF); never empty.
    func characters(_ text: String)
    /// An end tag (or the end of an empty-element tag), with the same name as its start.
    func endElement(name: String)
}
