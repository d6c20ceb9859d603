/// How a `DemoAPIServer` runs.
///
/// | option | default |
/// |---|---|
/// | `port` | 8080 (0: an ephemeral port, for tests) |
/// | `faults` | none (see ``DemoFaults``) |
/// | `seed` | 8 customers, 120 invoices, 2000 items |
/// | `maxPageSize` | 50 (server-driven paging: a page never holds more) |
/// | `operationPolls` | 2 (an async job answers 202 to this many polls, then 200) |
/// | `requiresToken` | false (true: resource routes want `Authorization: Bearer <token from /oauth2/v2.0/token>`) |
/// | `clientID` / `clientSecret` | `demo-client` / `demo-secret` (the token endpoint's only valid credentials) |
public struct DemoAPIOptions: Sendable {
    /// The port on 127.0.0.1.
    public var port: UInt16
    /// The faults injected from the start.
    public var faults: DemoFaults
    /// The data served.
    public var seed: DemoSeed
    /// The largest page a collection returns.
    public var maxPageSize: Int
    /// Polls an async job answers with 202 before it completes.
    public var operationPolls: Int
    /// Whether resource routes require a bearer token.
    public var requiresToken: Bool
    /// The client id the token endpoint accepts.
    public var clientID: String
    /// The client secret the token endpoint accepts.
    public var clientSecret: String

    /// Creates options.
    public init(
        port: UInt16 = 8080, faults: DemoFaults = DemoFaults(), seed: DemoSeed = DemoSeed(), maxPageSize: Int = 50,
        operationPolls: Int = 2, requiresToken: Bool = false, clientID: String = "demo-client",
        clientSecret: String = "demo-secret"
    ) {
        self.port = port
        self.faults = faults
        self.seed = seed
        self.maxPageSize = max(1, maxPageSize)
        self.operationPolls = max(0, operationPolls)
        self.requiresToken = requiresToken
        self.clientID = clientID
        self.clientSecret = clientSecret
    }
}
