import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import Runbook

/// How AsyncHTTPClient's, NIO's and NIO-SSL's errors become ``HTTPTransportError`` kinds, the only
/// errors the transport throws (besides `CancellationError`).
enum AsyncHTTPClientErrors {
    /// Where the exchange was when it failed: a connection lost before the response head is a
    /// connection failure, one lost inside the body a broken response.
    enum Phase {
        case head, body
    }

    /// The transport error for `error`.
    static func map(_ error: any Error, phase: Phase, host: String, maximumBytes: Int) -> HTTPTransportError {
        switch error {
        case let error as HTTPTransportError:
            return error
        case let error as HTTPClientError:
            return map(error, phase: phase, host: host)
        case is NIOTooManyBytesError:
            return HTTPTransportError(.invalidResponse, "the response body is larger than \(maximumBytes) bytes")
        case let error as HTTPParserError:
            return HTTPTransportError(.invalidResponse, "the response is not valid HTTP (\(error))")
        case let error as NIOSSLError:
            return tls(error, host: host)
        case let error as NIOSSLExtraError where error == .failedToValidateHostname:
            return HTTPTransportError(.tlsFailed, "certificate verify failed for \(host): the certificate is for another host")
        case let error as NIOSSLExtraError:
            return HTTPTransportError(.tlsFailed, "TLS with \(host) failed: \(error)")
        case let error as ChannelError:
            if case .connectTimeout = error { return HTTPTransportError(.timedOut, "no connection to \(host) within the timeout") }
            return phase == .body
                ? HTTPTransportError(.invalidResponse, "the connection closed before the body was complete (\(error))")
                : HTTPTransportError(.connectionFailed, "the connection to \(host) was lost (\(error))")
        case let error as IOError:
            return HTTPTransportError(.connectionFailed, "connection to \(host) failed (errno \(error.errnoCode))")
        default:
            return phase == .body
                ? HTTPTransportError(.invalidResponse, "the response body could not be read (\(describe(error)))")
                : HTTPTransportError(.connectionFailed, "the exchange with \(host) failed (\(describe(error)))")
        }
    }

    private static func map(_ error: HTTPClientError, phase: Phase, host: String) -> HTTPTransportError {
        switch error {
        case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .getConnectionFromPoolTimeout:
            return HTTPTransportError(.timedOut, "no complete response from \(host) within the timeout")
        case .tlsHandshakeTimeout:
            return HTTPTransportError(.timedOut, "no TLS handshake with \(host) within the timeout")
        case .httpProxyHandshakeTimeout, .socksHandshakeTimeout:
            return HTTPTransportError(.timedOut, "no answer from the proxy within the timeout")
        case .remoteConnectionClosed where phase == .body:
            return HTTPTransportError(.invalidResponse, "the connection closed before the body was complete")
        case .remoteConnectionClosed:
            return HTTPTransportError(.connectionFailed, "the server closed the connection without answering")
        case .invalidURL, .emptyHost, .emptyScheme:
            return HTTPTransportError(.unsupportedURL, "AsyncHTTPClientTransport cannot send this URL (\(error))")
        case .proxyAuthenticationRequired, .invalidProxyResponse:
            return HTTPTransportError(.connectionFailed, "the proxy refused the connection (\(error))")
        case .chunkedSpecifiedMultipleTimes, .identityCodingIncorrectlyPresent, .contentLengthMissing,
             .httpEndReceivedAfterHeadWith1xx:
            return HTTPTransportError(.invalidResponse, "the response is not valid HTTP (\(error))")
        default:
            return phase == .body
                ? HTTPTransportError(.invalidResponse, "the response body could not be read (\(error))")
                : HTTPTransportError(.connectionFailed, "the exchange with \(host) failed (\(error))")
        }
    }

    private static func tls(_ error: NIOSSLError, host: String) -> HTTPTransportError {
        let text = describe(error)
        if text.contains("CERTIFICATE_VERIFY_FAILED") {
            return HTTPTransportError(.tlsFailed, "certificate verify failed for \(host): the certificate is not trusted")
        }
        return HTTPTransportError(.tlsFailed, "TLS handshake with \(host) failed: \(text)")
    }

    /// A one-line description of an error (NIO's never contain request headers or bodies).
    static func describe(_ error: any Error) -> String {
        String(describing: error).replacingOccurrences(of: "\n", with: " ")
    }
}
