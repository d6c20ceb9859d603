import DemoAPI
import Foundation
import RunbookTesting
import HTTPTypes
import LoopbackHTTPServer
import Runbook
import Testing

/// A real proxy: `tinyproxy` from Debian, started on loopback by the test. Enabled when it is
/// installed; on CI (`CI` set) a missing tinyproxy fails instead (`.ci/run` installs it).
@Suite("Through tinyproxy")
struct ProxyTinyproxyTests {
    /// The running proxy, or nil (recorded as a failure on CI) when tinyproxy is not installed.
    static func start(basicAuth: (user: String, password: String)? = nil) async throws -> TinyproxyProcess? {
        guard let executable = TinyproxyProcess.executable else {
            if TinyproxyProcess.isRequired { Issue.record("tinyproxy is not installed (apt-get install tinyproxy; .ci/run installs it)") }
            return nil
        }
        return try await TinyproxyProcess(executable: executable, basicAuth: basicAuth)
    }

    @Test("HTTP_PROXY: a GET to the in-process server goes through tinyproxy (in its log); NO_PROXY=127.0.0.1 bypasses it")
    func getThroughTinyproxy() async throws {
        guard let proxy = try await Self.start() else { return }
        defer { proxy.stop() }
        let server = LoopbackHTTPServer()
        server.route("GET", "/through") { _ in .json(200, #"{"ok":true}"#) }
        try server.start()
        defer { server.stop() }
        let url = URL(string: "http://127.0.0.1:\(server.port)/through?n=1")!
        let proxied = try ProxyRules.fromEnvironment(["HTTP_PROXY": proxy.url])
        let response = try await SocketHTTPTransport(settings: HTTPTransportSettings(proxy: proxied))
            .send(HTTPRequest(method: .get, url: url), body: nil, timeout: .seconds(20))
        #expect(response.status.code == 200)
        #expect(await proxy.waitForRequest(containing: "/through?n=1"))
        #expect(proxy.loggedRequests == ["GET http://127.0.0.1:\(server.port)/through?n=1 HTTP/1.1"])
        #expect(server.requestLog == ["GET /through?n=1"])

        let bypassed = try ProxyRules.fromEnvironment(["HTTP_PROXY": proxy.url, "NO_PROXY": "127.0.0.1"])
        let direct = try await SocketHTTPTransport(settings: HTTPTransportSettings(proxy: bypassed))
            .send(HTTPRequest(method: .get, url: url.appending(queryItems: [URLQueryItem(name: "direct", value: "1")])),
                  body: nil, timeout: .seconds(20))
        #expect(direct.status.code == 200)
        // A marker through the proxy: once tinyproxy logged it, it would have logged the direct one before.
        _ = try await SocketHTTPTransport(settings: HTTPTransportSettings(proxy: proxied))
            .send(HTTPRequest(method: .get, url: URL(string: "http://127.0.0.1:\(server.port)/through?marker=1")!), body: nil, timeout: .seconds(20))
        #expect(await proxy.waitForRequest(containing: "marker=1"))
        #expect(proxy.loggedRequests.count == 2)
        #expect(!proxy.loggedRequests.contains { $0.contains("direct=1") })
        #expect(server.requestLog.count == 3)
    }

    @Test("tinyproxy with BasicAuth: the right proxy credentials pass, none get its 407")
    func basicAuth() async throws {
        guard let proxy = try await Self.start(basicAuth: ("alice", "pr0xy-pw")) else { return }
        defer { proxy.stop() }
        let server = LoopbackHTTPServer()
        server.route("GET", "/auth") { _ in .json(200, "{}") }
        try server.start()
        defer { server.stop() }
        let url = URL(string: "http://127.0.0.1:\(server.port)/auth")!
        let good = HTTPProxy(host: "127.0.0.1", port: Int(proxy.port), user: "alice", password: Secret(name: "proxy-password", value: "pr0xy-pw"))
        let ok = try await SocketHTTPTransport(settings: HTTPTransportSettings(proxy: ProxyRules(httpProxy: good)))
            .send(HTTPRequest(method: .get, url: url), body: nil, timeout: .seconds(20))
        #expect(ok.status.code == 200)
        let anonymous = HTTPProxy(host: "127.0.0.1", port: Int(proxy.port))
        let refused = try await SocketHTTPTransport(settings: HTTPTransportSettings(proxy: ProxyRules(httpProxy: anonymous)))
            .send(HTTPRequest(method: .get, url: url), body: nil, timeout: .seconds(20))
        #expect(refused.status.code == 407)
        #expect(server.requestLog == ["GET /auth"])
    }

    /// The issue's done-means with the real binary: `runbook run customer-sync demo test` with
    /// `HTTP_PROXY` (demo-api is plain http, so `HTTP_PROXY` is the variable that applies; HTTPS
    /// through a proxy is checked against the TLS test server in ProxyTransportTests) goes through
    /// tinyproxy, and `NO_PROXY=127.0.0.1` bypasses it.
    @Test("the built runbook: customer-sync demo test through tinyproxy with HTTP_PROXY; NO_PROXY=127.0.0.1 bypasses it")
    func runbookBinary() async throws {
        guard let proxy = try await Self.start() else { return }
        defer { proxy.stop() }
        let api = DemoAPIServer(options: DemoAPIOptions(port: 0, seed: DemoSeed(customers: 8, invoices: 4, items: 3)))
        try api.start()
        defer { api.stop() }
        let project = try Self.project(baseURL: api.apiBaseURL.absoluteString)
        defer { try? FileManager.default.removeItem(at: project) }

        let through = try await Self.runbook(project, environment: ["HTTP_PROXY": proxy.url])
        #expect(through.status == 0, "\(through.output)")
        let served = api.requestLog.count
        #expect(served > 0)
        #expect(await proxy.waitForLog { Self.requestCount(in: $0) >= served })
        let logged = proxy.loggedRequests
        #expect(logged.count == served)
        #expect(logged.allSatisfy { $0.contains("http://127.0.0.1:\(api.port)/api/v2.0/") }, "\(logged)")

        let bypassed = try await Self.runbook(project, environment: ["HTTP_PROXY": proxy.url, "NO_PROXY": "127.0.0.1"])
        #expect(bypassed.status == 0, "\(bypassed.output)")
        #expect(api.requestLog.count > served)
        // A marker through the proxy: once tinyproxy logged it, it would have logged the run's requests before.
        _ = try await SocketHTTPTransport(settings: HTTPTransportSettings(proxy: ProxyRules(httpProxy: try HTTPProxy(url: proxy.url))))
            .send(HTTPRequest(method: .get, url: URL(string: "http://127.0.0.1:\(api.port)/marker")!), body: nil, timeout: .seconds(20))
        #expect(await proxy.waitForRequest(containing: "/marker"))
        #expect(proxy.loggedRequests.count == logged.count + 1)
    }

    static func requestCount(in log: String) -> Int {
        log.components(separatedBy: "Request (file descriptor").count - 1
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func project(baseURL: String) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-proxy-\(UUID().uuidString)")
        for folder in ["config", "schemas", "data"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in ["schemas/org-env-config.schema.json", "data/customers.csv"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(file), to: root.appendingPathComponent(file))
        }
        try Data("""
            global:
              api-base-url: \(baseURL)
            script-behavior:
              retry-strategy:
                max-retries: 0
            scripts:
              customer-sync:
                entity-path: customers

            """.utf8).write(to: root.appendingPathComponent("config/demo-test-config.yaml"))
        return root
    }

    /// Runs the built `runbook` (beside the test bundle in .build/debug) to its end without
    /// blocking a thread of the cooperative pool; no proxy variable of this process leaks in.
    static func runbook(_ project: URL, environment: [String: String]) async throws -> (status: Int32, output: String) {
        let executable = try BuiltExecutable.url(named: "runbook")
        let process = Process()
        process.executableURL = executable
        process.arguments = ["run", "customer-sync", "demo", "test", "--project-root", project.path]
        var variables = ProcessInfo.processInfo.environment.filter { !$0.key.lowercased().hasSuffix("_proxy") }
        variables.merge(environment) { $1 }
        process.environment = variables
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        // Read on a thread of its own while the process runs (a full pipe would stop it).
        async let output: String = withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)) }
                .start()
        }
        let status: Int32 = await withCheckedContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                try? pipe.fileHandleForWriting.close()
                continuation.resume(returning: -1)
            }
        }
        return (status, await output)
    }
}
