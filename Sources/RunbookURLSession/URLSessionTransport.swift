public import Foundation
public import HTTPTypes
public import Runbook
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A transport on Foundation's `URLSession` (FoundationNetworking, libcurl underneath, on Linux):
/// one session per transport so connections are reused, redirects not followed (`RestClient`
/// handles `303` itself), per-request timeouts and task cancellation.
///
/// Runbook's default is `SocketHTTPTransport` (several times faster, and it keeps
/// FoundationNetworking out of every process); this optional library is for whoever needs
/// URLSession all the same. Register it in the run's
/// container, e.g. from a script's setup or a custom executable:
///
/// ```swift
/// import RunbookURLSession
///
/// container.register((any HTTPTransport).self) { _ in URLSessionTransport() }
/// ```
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession

    /// Creates a transport with its own session.
    /// - Parameter maximumConnectionsPerHost: connection pool size per host.
    public init(maximumConnectionsPerHost: Int = 16) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = maximumConnectionsPerHost
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// Sends one request and returns the whole response.
    public func send(_ request: HTTPRequest, body: Data?, timeout: Duration) async throws -> HTTPTransportResponse {
        guard let url = request.url else {
            throw HTTPTransportError(.unsupportedURL, "the request has no valid URL")
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.timeoutInterval = max(0.001, Double(timeout.components.seconds)
            + Double(timeout.components.attoseconds) / 1e18)
        for field in request.headerFields {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name.rawName)
        }
        urlRequest.httpBody = body
        let (data, response): (Data, URLResponse)
        let started = ContinuousClock.now
        do {
            (data, response) = try await withinDeadline(timeout, seconds: urlRequest.timeoutInterval) { [session, urlRequest] in
                try await session.data(for: urlRequest)
            }
        } catch let error as URLError {
            try Task.checkCancellation()
            // FoundationNetworking sometimes reports an expired timer under another code.
            if error.code == .timedOut || ContinuousClock.now - started >= timeout * 0.95 {
                throw HTTPTransportError(.timedOut, "no response within \(urlRequest.timeoutInterval) s")
            }
            if error.code == .cancelled { throw CancellationError() }
            throw HTTPTransportError(.connectionFailed, "connection failed (\(error.code.rawValue))")
        }
        guard let http = response as? HTTPURLResponse else {
            throw HTTPTransportError(.invalidResponse, "not an HTTP response")
        }
        var fields = HTTPFields()
        for (key, value) in http.allHeaderFields {
            guard let name = HTTPField.Name("\(key)") else { continue }
            fields.append(HTTPField(name: name, value: "\(value)"))
        }
        if fields[.contentEncoding] != nil {
            // URLSession has already decoded gzip/deflate/br: these fields describe a body that is gone.
            fields[.contentEncoding] = nil
            fields[.contentLength] = nil
        }
        return HTTPTransportResponse(
            head: HTTPResponse(status: .init(code: http.statusCode), headerFields: fields), body: data)
    }
}

extension URLSessionTransport {
    /// Runs `body`, failing with a timeout when it takes longer than `timeout` in all:
    /// `URLRequest.timeoutInterval` only bounds the time between bytes, not the whole exchange.
    private func withinDeadline<T: Sendable>(
        _ timeout: Duration, seconds: Double, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: timeout + .milliseconds(50))
                throw HTTPTransportError(.timedOut, "no complete response within \(seconds) s")
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }
}

/// Stops URLSession from following redirects.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
