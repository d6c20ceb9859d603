public import HTTPTypes

/// Every method takes an optional `timeout` per attempt (``RestRequest/timeout``).
extension RestClient {
    /// `GET path?query`.
    public func get(_ path: String, query: [String: String] = [:], headerFields: HTTPFields = [:], timeout: Duration? = nil) async throws -> RestResponse {
        var request = RestRequest(method: .get, path: path, query: RestRequest.items(query), headerFields: headerFields)
        request.timeout = timeout
        return try await send(request)
    }

    /// `GET` and decode the JSON body.
    public func get<T: Decodable>(
        _ type: T.Type, _ path: String, query: [String: String] = [:], headerFields: HTTPFields = [:], timeout: Duration? = nil
    ) async throws -> T {
        try await get(path, query: query, headerFields: headerFields, timeout: timeout).decode(type)
    }

    /// `POST` a JSON body. Not retried unless `idempotencyKey` is given (sent as `Idempotency-Key`).
    @discardableResult
    public func post(
        _ path: String, json body: some Encodable & Sendable, idempotencyKey: String? = nil, headerFields: HTTPFields = [:], timeout: Duration? = nil
    ) async throws -> RestResponse {
        var request = RestRequest(method: .post, path: path, headerFields: headerFields)
        try request.setJSONBody(body)
        request.idempotencyKey = idempotencyKey
        request.timeout = timeout
        return try await send(request)
    }

    /// `PUT` a JSON body (idempotent: retried), optionally with `If-Match`.
    @discardableResult
    public func put(
        _ path: String, json body: some Encodable & Sendable, ifMatch: String? = nil, headerFields: HTTPFields = [:], timeout: Duration? = nil
    ) async throws -> RestResponse {
        var request = RestRequest(method: .put, path: path, headerFields: headerFields)
        try request.setJSONBody(body)
        request.ifMatch = ifMatch
        request.timeout = timeout
        return try await send(request)
    }

    /// `PATCH` a JSON body, optionally with `If-Match` (an ETag). Not retried unless
    /// `idempotencyKey` is given.
    @discardableResult
    public func patch(
        _ path: String, json body: some Encodable & Sendable, ifMatch: String? = nil, idempotencyKey: String? = nil,
        headerFields: HTTPFields = [:], timeout: Duration? = nil
    ) async throws -> RestResponse {
        var request = RestRequest(method: .patch, path: path, headerFields: headerFields)
        try request.setJSONBody(body)
        request.ifMatch = ifMatch
        request.idempotencyKey = idempotencyKey
        request.timeout = timeout
        return try await send(request)
    }

    /// `DELETE`, optionally with `If-Match`.
    @discardableResult
    public func delete(_ path: String, ifMatch: String? = nil, headerFields: HTTPFields = [:], timeout: Duration? = nil) async throws -> RestResponse {
        var request = RestRequest(method: .delete, path: path, headerFields: headerFields)
        request.ifMatch = ifMatch
        request.timeout = timeout
        return try await send(request)
    }
}
