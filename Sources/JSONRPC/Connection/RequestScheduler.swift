/// Orders work the way a script expects while letting reads overlap: reads run concurrently with each
/// other, a write waits for everything that arrived before it, and everything waits for earlier writes.
struct RequestScheduler {
    private var lastWrite: Task<Void, Never>?
    private var readsSinceLastWrite: [Task<Void, Never>] = []

    /// The tasks a new piece of work must wait for, and records it.
    mutating func schedule(access: RPCMethod.Access, start: @escaping @Sendable (_ dependencies: [Task<Void, Never>]) -> Task<Void, Never>) -> Task<Void, Never> {
        switch access {
        case .read:
            let dependencies = lastWrite.map { [$0] } ?? []
            let task = start(dependencies)
            readsSinceLastWrite.append(task)
            if readsSinceLastWrite.count > 256 {
                // Fold the finished and running reads into one task so the list stays short.
                let folded = readsSinceLastWrite
                readsSinceLastWrite = [Task { for read in folded { await read.value } }]
            }
            return task
        case .write:
            let dependencies = (lastWrite.map { [$0] } ?? []) + readsSinceLastWrite
            let task = start(dependencies)
            lastWrite = task
            readsSinceLastWrite = []
            return task
        }
    }
}
