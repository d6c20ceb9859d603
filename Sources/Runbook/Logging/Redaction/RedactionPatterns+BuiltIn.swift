extension RedactionPatterns {
    /// The keywords that mark a key as secret. A key matches when its last word (after `_` or
    /// `-`, with an optional leading `_`) is one of these, so `db_password` and `_client_secret`
    /// match while `bypass`, `compass` and `passport` do not.
    static let secretKeywords = [
        "password", "passwd", "pwd", "pass", "passphrase", "secret", "client[-_]?secret",
        "app[-_]?secret", "api[-_]?key", "api[-_]?token", "access[-_]?token", "auth[-_]?token",
        "refresh[-_]?token", "id[-_]?token", "bearer[-_]?token", "sas[-_]?token", "token",
        "access[-_]?key", "account[-_]?key", "shared[-_]?access[-_]?key", "primary[-_]?key",
        "secondary[-_]?key", "private[-_]?key", "client[-_]?assertion", "credentials?", "sig",
    ].joined(separator: "|")

    /// A whole secret key: optional leading `_`, optional `word_`/`word-` prefixes, a keyword.
    static let secretKey = "_?(?:[a-z0-9]+[_-])*(?:\(secretKeywords))"

    /// Substrings one of which every secret key contains (pre-filter for the key rules).
    static let keywordTriggers = ["pass", "pwd", "secret", "key", "token", "credential", "sig", "assertion"]

    /// Characters that end an unquoted value (`key=value&…`, `key=value;…`).
    static let valueEnd = #"&\s;,"'}<>)\]"#

    /// The rules used when `config/log-redaction-patterns.yaml` is absent, in the order they run.
    /// `config/log-redaction-patterns_example.yaml` holds the same rules, documented, to copy and customise.
    static let builtInRules: [(name: String, pattern: String, replacement: String, check: RedactionPattern.Check?, triggers: [String], minimumDigits: Int, minimumRun: Int)] = [
        ("private-key-block",
         #"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----"#,
         "[REDACTED]", nil, ["private key"], 0, 0),
        ("jwt", #"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*"#, "[REDACTED]", nil, ["eyj"], 0, 0),
        ("bearer-token",
         #"\b(Bearer\s+)(?=[A-Za-z0-9\-._~+/]*[0-9\-._~+/]|[A-Za-z]{20})[A-Za-z0-9\-._~+/]+=*"#,
         "$1[REDACTED]", nil, ["bearer"], 0, 0),
        ("authorization-header",
         #"\b((?:proxy-)?authorization\s*:\s*(?:(?:basic|bearer|digest|negotiate|ntlm|token)\s+)?+)(?!\[REDACTED\])[^\s,;"']+"#,
         "$1[REDACTED]", nil, ["authorization"], 0, 0),
        ("api-key-header",
         #"\b((?:x-api-key|x-auth-token|ocp-apim-subscription-key|x-functions-key)\s*:\s*)(?!\[REDACTED\])[^\s,;"']+"#,
         "$1[REDACTED]", nil, ["x-api-key", "x-auth-token", "ocp-apim-subscription-key", "x-functions-key"], 0, 0),
        ("url-credentials", #"(\b[a-z][a-z0-9+.-]*://[^/\s:@]+:)[^@\s/]+(@)"#, "$1[REDACTED]$2", nil, ["@"], 0, 0),
        ("quoted-key-double-quoted-value",
         #"(["'])("# + secretKey + #")\1(\s*:\s*)(?:"(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*)"#,
         #"$1$2$1$3"[REDACTED]""#, nil, keywordTriggers, 0, 0),
        ("quoted-key-single-quoted-value",
         #"(["'])("# + secretKey + #")\1(\s*:\s*)'(?:[^'\\]|\\.)*'"#,
         "$1$2$1$3'[REDACTED]'", nil, keywordTriggers, 0, 0),
        ("key-value",
         #"(?<![a-z0-9_-])("# + secretKey + #"\s*(?:=|%3D)\s*)(?!(?:true|false|none|null|nil)(?:["# + valueEnd
            + #"]|$))(?!\[REDACTED\])[^"# + valueEnd + "]+",
         "$1[REDACTED]", nil, keywordTriggers, 0, 0),
        ("well-known-token",
         #"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}|xox[abprs]-[A-Za-z0-9-]{10,}|sk-[A-Za-z0-9_-]{20,}|(?-i:AKIA[0-9A-Z]{16}))\b"#,
         "[REDACTED]", nil, ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "xox", "sk-", "akia"], 0, 0),
        ("card-number", #"(?<![0-9.-])[2-6](?:[ -]?[0-9]){12,18}(?![0-9])"#, "[REDACTED]", .luhn, [], 13, 0),
        ("us-ssn", #"(?<![0-9-])[0-9]{3}-[0-9]{2}-[0-9]{4}(?![0-9-])"#, "[REDACTED]", nil, ["-"], 9, 0),
        ("long-mixed-token",
         #"(?-i)\b(?=[A-Za-z0-9]*[A-Z])(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[0-9])[A-Za-z0-9]{40,}\b"#,
         "[REDACTED]", nil, [], 0, 40),
    ]

    /// The built-in rule set: bearer tokens, JWTs, JSON and dict-repr secrets (including
    /// `_`-prefixed keys), query-string and connection-string secrets (whole keys only), HTTP
    /// authorization headers, URL credentials, well-known token formats, card numbers (Luhn
    /// checked), US SSNs and long mixed-case tokens (a lowercase 40-hex git commit id is kept).
    public static let builtIn: RedactionPatterns = {
        // The built-in expressions are constants covered by tests (every one is compiled there);
        // at run time each is compiled when a line first passes its pre-filter.
        let rules = builtInRules.map { rule in
            RedactionPattern(trusted: rule.name, pattern: rule.pattern, replacement: rule.replacement, check: rule.check,
                             triggers: rule.triggers, minimumDigits: rule.minimumDigits, minimumRun: rule.minimumRun)
        }
        return RedactionPatterns(rules)
    }()
}
