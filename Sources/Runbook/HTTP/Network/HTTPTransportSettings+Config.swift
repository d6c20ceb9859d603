public import Foundation

extension HTTPTransportSettings {
    /// The settings for one API: the environment's proxy rules (``ProxyRules/fromEnvironment(_:)``)
    /// overridden by the API's `proxy` section, and its `tls` section, with the secrets they name
    /// (`proxy-password`, `tls-client-key`). A named API without its own `proxy` or `tls` section
    /// uses `global`'s.
    /// - Parameters:
    ///   - api: the API's section (`global` itself when `apiName` is nil).
    ///   - apiName: `<name>` of `apis.<name>`, nil for `global`.
    ///   - global: the `global` section, whose `proxy` and `tls` a named API inherits.
    ///   - environment: the run's environment variables.
    ///   - secrets: the run's secrets by name.
    /// - Throws: a ``HelpfulError`` (exit 78) naming the key path or variable: a bad proxy URL, a
    ///   password in a config URL, a missing secret, an unreadable or invalid PEM file, a bad pin.
    public static func resolve(
        api: APISettings, apiName: String?, global: APISettings,
        environment: [String: String], secrets: [String: Secret]
    ) throws(HelpfulError) -> HTTPTransportSettings {
        let own = apiName.map { "apis.\($0)" } ?? "global"
        let (proxySection, proxyPath) = api.proxy.map { ($0, "\(own).proxy") } ?? (global.proxy, "global.proxy")
        let (tlsSection, tlsPath) = api.tls.map { ($0, "\(own).tls") } ?? (global.tls, "global.tls")
        return HTTPTransportSettings(
            proxy: try proxyRules(proxySection, keyPath: proxyPath, apiName: apiName, environment: environment, secrets: secrets),
            tls: try tlsSettings(tlsSection ?? APITLSSettings(), keyPath: tlsPath, apiName: apiName, secrets: secrets))
    }

    static func proxyRules(
        _ section: APIProxySettings?, keyPath: String, apiName: String?,
        environment: [String: String], secrets: [String: Secret]
    ) throws(HelpfulError) -> ProxyRules {
        let section = section ?? APIProxySettings()
        guard section.enabled else { return .direct }
        var rules: ProxyRules
        do {
            rules = try ProxyRules.fromEnvironment(environment)
        } catch {
            throw HelpfulError(
                problem: "The environment variable \(error.variable) is not a usable proxy URL: \(error.reason)",
                solution: "Set it to the proxy's http:// URL, or unset it (the value is not shown: it may hold a password)",
                example: "\(error.variable)=http://proxy.example.com:3128",
                location: ErrorLocation(origin: "environment variable \(error.variable)"), exitCode: .configuration)
        }
        if let text = section.url {
            let proxy: HTTPProxy
            do {
                proxy = try HTTPProxy(url: text)
            } catch {
                throw badSetting("\(keyPath).url is not a usable proxy URL: \(error.reason)",
                                 solution: "Set it to the proxy's http:// URL", example: "url: http://proxy.example.com:3128",
                                 keyPath: "\(keyPath).url")
            }
            guard proxy.password == nil else {
                throw badSetting("\(keyPath).url contains a password",
                                 solution: "Remove the password from the URL and put it in the secrets as proxy-password",
                                 example: "url: http://\(proxy.user ?? "user")@\(proxy.authority)\nsecrets file:\n  proxy-password: \"…\"",
                                 keyPath: "\(keyPath).url")
            }
            rules.httpProxy = proxy
            rules.httpsProxy = proxy
        }
        rules.bypass = rules.bypass.adding(NoProxyList(entries: section.noProxy))
        rules.httpProxy = try withCredentials(rules.httpProxy, section, keyPath: keyPath, apiName: apiName, secrets: secrets)
        rules.httpsProxy = try withCredentials(rules.httpsProxy, section, keyPath: keyPath, apiName: apiName, secrets: secrets)
        return rules
    }

    /// The proxy with the section's user and the password secret, when a user is known.
    private static func withCredentials(
        _ proxy: HTTPProxy?, _ section: APIProxySettings, keyPath: String, apiName: String?, secrets: [String: Secret]
    ) throws(HelpfulError) -> HTTPProxy? {
        guard var proxy else { return nil }
        if let user = section.user, !user.isEmpty { proxy.user = user }
        guard proxy.user != nil, proxy.password == nil || section.passwordSecret != nil else { return proxy }
        let name = section.passwordSecret ?? "proxy-password"
        let found = section.passwordSecret != nil
            ? secrets[name].flatMap { $0.isEmpty ? nil : $0 }
            : AccessTokenConfiguration.secret(name, apiName: apiName, in: secrets)
        guard let found else {
            throw HelpfulError(
                problem: "The proxy \(proxy.displayURL) has a user but the secret \(name) with its password is missing",
                solution: "Add \(name) to the secrets file (or RUNBOOK_SECRET_\(name.uppercased().replacingOccurrences(of: "-", with: "_")))",
                example: "secrets file:\n  \(name): \"…\"",
                location: ErrorLocation(keyPath: "\(keyPath).\(section.passwordSecret != nil ? "password-secret" : "user")"),
                exitCode: .configuration)
        }
        proxy.password = found
        return proxy
    }

    static func badSetting(_ problem: String, solution: String, example: String?, keyPath: String) -> HelpfulError {
        HelpfulError(problem: problem, solution: solution, example: example,
                     location: ErrorLocation(keyPath: keyPath), exitCode: .configuration)
    }
}
