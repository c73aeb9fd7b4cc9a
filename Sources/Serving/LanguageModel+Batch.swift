import Inference

extension LanguageModel {
    /// Generates `request` to the end and returns the result, ignoring the intermediate events.
    public func complete(_ request: GenerationRequest) async throws -> GenerationResult {
        for try await event in generate(request) {
            if case .finished(let result) = event { return result }
        }
        throw ServingError.malformedResponse(endpoint: name, message: "the generation ended without a result")
    }

    /// Generates every request, at most `maxConcurrent` at a time, results in the order of `requests`.
    ///
    /// ```swift
    /// let results = try await model.completeAll(requests, maxConcurrent: 4)
    /// ```
    public func completeAll(_ requests: [GenerationRequest], maxConcurrent: Int) async throws -> [GenerationResult] {
        try await BoundedConcurrency.map(requests, limit: maxConcurrent) { request in try await complete(request) }
    }
}
