import Foundation
import Runbook
import Testing

/// The proxy settings model: `NO_PROXY` matching, the environment's variables, proxy URLs, and
/// the per-API `proxy` section with its errors.
@Suite("Proxy settings")
struct ProxySettingsTests {
    static let noProxyCases: [(list: String, host: String, port: Int, bypassed: Bool)] = [
        ("example.com", "example.com", 443, true),
        ("example.com", "api.example.com", 443, true),
        (".example.com", "api.example.com", 80, true),
        (".example.com", "example.com", 80, true),
        ("example.com", "badexample.com", 443, false),
        ("EXAMPLE.com", "Api.Example.COM", 443, true),
        ("*", "anything.test", 8080, true),
        ("localhost, 127.0.0.1", "127.0.0.1", 8080, true),
        ("127.0.0.1", "127.0.0.2", 8080, false),
        ("example.com:8443", "api.example.com", 8443, true),
        ("example.com:8443", "api.example.com", 443, false),
        ("10.0.0.0/8", "10.20.30.40", 80, true),
        ("10.0.0.0/8", "11.0.0.1", 80, false),
        ("192.168.1.0/24 172.16.0.0/12", "172.31.255.255", 80, true),
        ("[::1]", "::1", 443, true),
        ("::1", "[::1]", 443, true),
        ("[::1]:8443", "::1", 443, false),
        ("fd00::/8", "fd12:3456::1", 443, true),
        ("fd00::/8", "fe80::1", 443, false),
        ("", "example.com", 443, false),
    ]

    @Test("NO_PROXY entries: host suffixes with or without a dot, *, ports, IP literals, CIDR", arguments: noProxyCases)
    func noProxy(_ entry: (list: String, host: String, port: Int, bypassed: Bool)) {
        #expect(NoProxyList(entry.list).matches(host: entry.host, port: entry.port) == entry.bypassed)
    }

    @Test("the environment: lower-case wins over upper-case, an empty value is unset, NO_PROXY applies to both schemes")
    func environment() throws {
        let rules = try ProxyRules.fromEnvironment([
            "HTTP_PROXY": "http://upper:3128", "http_proxy": "http://lower:3128",
            "HTTPS_PROXY": "secure:8080", "https_proxy": "",
            "NO_PROXY": "internal.example", "no_proxy": "localhost",
        ])
        #expect(rules.httpProxy?.authority == "lower:3128")
        #expect(rules.httpsProxy?.authority == "secure:8080")
        #expect(rules.bypass.entries == ["localhost"])
        #expect(rules.proxy(for: URL(string: "https://api.example.com/v2/")!)?.host == "secure")
        #expect(rules.proxy(for: URL(string: "http://localhost:8080/")!) == nil)
        #expect(try ProxyRules.fromEnvironment([:]).isDirect)
        #expect(throws: ProxyEnvironmentError(variable: "https_proxy", reason: "only http:// proxies are supported, not https://")) {
            try ProxyRules.fromEnvironment(["https_proxy": "https://user:pw@proxy:443"])
        }
    }

    @Test("proxy URLs: default port 80, IPv6, percent-decoded credentials; shown without the password")
    func proxyURL() throws {
        let plain = try HTTPProxy(url: "proxy.example.com")
        #expect(plain.authority == "proxy.example.com:80")
        let full = try HTTPProxy(url: "http://al%40ice:p%3Aw@[::1]:3128/")
        #expect(full.host == "::1")
        #expect(full.authority == "[::1]:3128")
        #expect(full.user == "al@ice")
        #expect(full.password?.reveal() == "p:w")
        #expect(full.displayURL == "http://al@ice@[::1]:3128")
        #expect(full.basicAuthorization == "Basic " + Data("al@ice:p:w".utf8).base64EncodedString())
        #expect(!"\(full)".contains("p:w"))
        #expect(throws: HTTPProxy.InvalidURL.self) { try HTTPProxy(url: "http://proxy:3128/path") }
        #expect(throws: HTTPProxy.InvalidURL.self) { try HTTPProxy(url: "socks5://proxy:1080") }
    }

    func resolve(_ api: APISettings, name: String? = "erp", global: APISettings = APISettings(),
                 environment: [String: String] = [:], secrets: [String: Secret] = [:]) throws(HelpfulError) -> ProxyRules {
        try HTTPTransportSettings.resolve(api: api, apiName: name, global: global, environment: environment, secrets: secrets).proxy
    }

    @Test("per API: a named API inherits global's section, overrides it, or turns the proxy off")
    func perAPI() throws {
        let environment = ["HTTPS_PROXY": "http://env-proxy:3128", "NO_PROXY": "localhost"]
        let global = APISettings(proxy: APIProxySettings(url: "http://corp-proxy:8080", noProxy: ["10.0.0.0/8"]))
        let inherited = try resolve(APISettings(), global: global, environment: environment)
        #expect(inherited.httpProxy?.authority == "corp-proxy:8080")
        #expect(inherited.httpsProxy?.authority == "corp-proxy:8080")
        #expect(inherited.bypass.entries == ["localhost", "10.0.0.0/8"])
        let own = try resolve(APISettings(proxy: APIProxySettings()), global: global, environment: environment)
        #expect(own.httpsProxy?.authority == "env-proxy:3128")
        #expect(own.httpProxy == nil)
        #expect(try resolve(APISettings(proxy: APIProxySettings(enabled: false)), global: global, environment: environment).isDirect)
    }

    @Test("credentials: the user from config or the URL, the password from <name>-proxy-password or proxy-password")
    func credentials() throws {
        let secrets = ["erp-proxy-password": Secret(name: "erp-proxy-password", value: "erp-pw"),
                       "proxy-password": Secret(name: "proxy-password", value: "shared-pw")]
        let api = APISettings(proxy: APIProxySettings(url: "http://proxy:3128", user: "alice"))
        #expect(try resolve(api, secrets: secrets).httpProxy?.password?.reveal() == "erp-pw")
        #expect(try resolve(api, name: nil, secrets: secrets).httpProxy?.password?.reveal() == "shared-pw")
        let fromURL = try resolve(APISettings(proxy: APIProxySettings(url: "http://bob@proxy:3128")), secrets: secrets)
        #expect(fromURL.httpsProxy?.basicAuthorization == "Basic " + Data("bob:erp-pw".utf8).base64EncodedString())
        let environmentPassword = try resolve(APISettings(), environment: ["HTTP_PROXY": "http://carol:env-pw@proxy:3128"])
        #expect(environmentPassword.httpProxy?.password?.reveal() == "env-pw")
    }

    @Test("bad settings are HelpfulErrors with their key path or variable, exit 78, no password shown")
    func errors() {
        func failure(_ body: () throws -> ProxyRules) -> HelpfulError? {
            do { _ = try body(); return nil } catch { return error as? HelpfulError }
        }
        let badURL = failure { try resolve(APISettings(proxy: APIProxySettings(url: "ftp://proxy"))) }
        #expect(badURL?.location?.keyPath == "apis.erp.proxy.url")
        #expect(badURL?.exitCode == .configuration)
        let password = failure { try resolve(APISettings(proxy: APIProxySettings(url: "http://alice:hunter2@proxy:3128"))) }
        #expect(password?.location?.keyPath == "apis.erp.proxy.url")
        #expect(password.map { !"\($0.problem) \($0.solution) \($0.example ?? "")".contains("hunter2") } == true)
        let missing = failure { try resolve(APISettings(), name: nil, global: APISettings(proxy: APIProxySettings(url: "http://p:1", user: "alice"))) }
        #expect(missing?.location?.keyPath == "global.proxy.user")
        #expect(missing?.problem.contains("proxy-password") == true)
        let named = failure {
            try resolve(APISettings(proxy: APIProxySettings(url: "http://p:1", user: "alice", passwordSecret: "corp-proxy")))
        }
        #expect(named?.location?.keyPath == "apis.erp.proxy.password-secret")
        let environment = failure { try resolve(APISettings(), environment: ["HTTPS_PROXY": "https://alice:hunter2@proxy"]) }
        #expect(environment?.location?.origin == "environment variable HTTPS_PROXY")
        #expect(environment.map { !"\($0.problem) \($0.solution)".contains("hunter2") } == true)
    }
}
