/// Runs many asynchronous jobs with at most a fixed number in flight, results in input order: batch generation
/// against a server without flooding it.
///
/// ```swift
/// let answers = try await BoundedConcurrency.map(questions, limit: 4) { question in
///     try await model.complete(GenerationRequest(messages: [ChatMessage(role: "user", content: question)]))
/// }
/// ```
public enum BoundedConcurrency {
    /// `transform` applied to every item, at most `limit` at a time (at least 1), results in the order of `items`.
    /// The first error cancels the jobs still running and is rethrown; cancelling the caller cancels them all.
    public static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], limit: Int, _ transform: @escaping @Sendable (Item) async throws -> Result
    ) async throws -> [Result] {
        guard !items.isEmpty else { return [] }
        let width = max(1, min(limit, items.count))
        return try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var results = [Result?](repeating: nil, count: items.count)
            var next = 0
            func launch() {
                let index = next
                let item = items[index]
                next += 1
                group.addTask { (index, try await transform(item)) }
            }
            while next < width { launch() }
            while let (index, value) = try await group.next() {
                results[index] = value
                if next < items.count {
                    try Task.checkCancellation()
                    launch()
                }
            }
            return results.map { $0! }
        }
    }
}
