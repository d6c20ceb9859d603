extension RedactionPatterns {
    /// The keywords that mark a key as secret. A key matches when its last word (after `_` or
    /// `-`, with an optional leading `_`) is one of these, so `db_password` and `_client_secret`
    /// match while `bypass`, `compass` and `passport` do not.
    static let secretKeywords = [
        "password", "passwd", "pwd", "pass", "passphrase", "secret", "client[-_]?secret", "app[-_]?secret",
        "api[-_]?key", "api[-_]?token", "access[-_]?token", "auth[-_]?token", "refresh[-_]?token",
        "id[-_]?token", "bearer[-_]?token", "sas[-_]?token", "session[-_]?token", "security[-_]?token",
        "private[-_]?token", "token", "access[-_]?key", "secret[-_]?access[-_]?key", "account[-_]?key",
        "shared[-_]?access[-_]?key", "primary[-_]?key", "secondary[-_]?key", "private[-_]?key",
        "signing[-_]?key", "encryption[-_]?key", "master[-_]?key", "client[-_]?assertion", "credentials?",
        "sig",
    ].joined(separator: "|")

    /// A whole secret key: optional leading `_`, optional `word_`/`word-` prefixes, a keyword.
    static let secretKey = "_?(?:[a-z0-9]+[_-])*(?:\(secretKeywords))"

    /// Substrings one of which every secret key contains (pre-filter for the key rules).
    static let keywordTriggers = ["pass", "pwd", "secret", "key", "token", "credential", "sig", "assertion"]

    /// Characters that end an unquoted value (`key=value&…`, `key=value;…`).
    static let valueEnd = #"&\s;,"'}<>)\]"#

    /// Values that mean "not set" rather than a secret (`require_token=False`).
    static let nullish = #"(?:true|false|none|null|nil)"#

    /// A value that names a field rather than holding a secret (`primary_key=customer_id`).
    static let fieldName = #"(?:[a-z0-9]+_)+(?:id|key|name|code|number|no|column|field|type)"#

    /// A value that stands for one (`<value>`, `${VAR}`, `…`, `[REDACTED]`) or a word describing
    /// it (`required`, `expired`): kept after `password:`.
    static let placeholder = #"["']?(?:<|\$\{|\{\{|%\(|…|\*{3,}|\[REDACTED\]|(?:true|false|yes|no|on|off|none|null|nil|~|required|optional|missing|empty|unset|expired|invalid|incorrect|changed|reset)(?:[\s,;.!]|$))"#

    /// The rules used when `config/log-redaction-patterns.yaml` is absent, in the order they run.
    /// `config/log-redaction-patterns_example.yaml` holds the same rules, documented, to copy and customise.
    static let builtInRules: [(name: String, pattern: String, replacement: String, check: RedactionPattern.Check?, triggers: [String], minimumDigits: Int, minimumRun: Int)] = [
        ("private-key-block",
         #"-----BEGIN [A-Z ]*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END [A-Z ]*PRIVATE KEY(?: BLOCK)?-----|[\s\S]*)"#,
         "[REDACTED]", nil, ["private key"], 0, 0),
        ("jwt",
         #"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*"#,
         "[REDACTED]", nil, ["eyj"], 0, 0),
        ("bearer-token",
         #"\b(Bearer\s+)(?=[A-Za-z0-9\-._~+/]*[0-9\-._~+/]|[A-Za-z]{20})[A-Za-z0-9\-._~+/]+=*"#,
         "$1[REDACTED]", nil, ["bearer"], 0, 0),
        ("authorization-header",
         #"\b((?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?:((?:basic|bearer|digest|negotiate|ntlm|token|sharedkey|sharedaccesssignature|hmac|aws4-hmac-sha256)\s+)(?!\[REDACTED\])[^\s,;"']+|(?!\[REDACTED\])(?=[^\s,;"']*[0-9+/=_~.-]|[^\s,;"']{20})[^\s,;"']+)"#,
         "$1$2[REDACTED]", nil, ["authorization"], 0, 0),
        ("api-key-header",
         #"\b((?:x-api-key|x-auth-token|ocp-apim-subscription-key|x-functions-key|x-amz-security-token|x-goog-api-key|x-vault-token|private-token|x-gitlab-token|x-shopify-access-token)["']?\s*:\s*["']?)(?!\[REDACTED\])[^\s,;"']+"#,
         "$1[REDACTED]", nil, ["x-api-key", "x-auth-token", "ocp-apim-subscription-key", "x-functions-key", "x-amz-security-token", "x-goog-api-key", "x-vault-token", "private-token", "x-gitlab-token", "x-shopify-access-token"], 0, 0),
        ("basic-credentials",
         #"\b(Basic\s+)[A-Za-z0-9+/]{4,}={0,2}(?![A-Za-z0-9+/=])"#,
         "$1[REDACTED]", .basicCredentials, ["basic"], 0, 0),
        ("url-credentials",
         #"(\b[a-z][a-z0-9+.-]*://[^/\s:@]*:)[^\s/?#]+(@)"#,
         "$1[REDACTED]$2", nil, ["@"], 0, 0),
        ("webhook-url",
         #"((?:https?://hooks\.slack\.com/(?:services|workflows|triggers)|https?://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/[0-9]+)/)[A-Za-z0-9_/+-]+"#,
         "$1[REDACTED]", nil, ["hooks.slack.com", "discord"], 0, 0),
        ("quoted-key-double-quoted-value",
         #"(["'])("# + secretKey + #")\1(\s*:\s*)(?!""# + fieldName + #"")(?:"(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*)"#,
         #"$1$2$1$3"[REDACTED]""#, nil, keywordTriggers, 0, 0),
        ("quoted-key-single-quoted-value",
         #"(["'])("# + secretKey + #")\1(\s*:\s*)(?!'"# + fieldName + #"')'(?:[^'\\]|\\.)*'"#,
         "$1$2$1$3'[REDACTED]'", nil, keywordTriggers, 0, 0),
        ("xml-element",
         #"(<("# + secretKey + #")>)[^<]+(</\2>)"#,
         "$1[REDACTED]$3", nil, keywordTriggers, 0, 0),
        ("key-value",
         #"(?<![a-z0-9_-])("# + secretKey + #"\s*(?:=|%3D)\s*)(?!"# + nullish + #"(?:["# + valueEnd + #"]|$))(?!"# + fieldName + #"(?:["# + valueEnd + #"]|$))(?!\[REDACTED\])[^"# + valueEnd + #"]+"#,
         "$1[REDACTED]", nil, keywordTriggers, 0, 0),
        ("yaml-key",
         #"(?m)^([ \t]*(?:-[ \t]+)?"# + secretKey + #"[ \t]*:[ \t]+)(?!"# + placeholder + #")[^\s#][^\r\n]*?(?=[ \t]+#|[ \t]*$)"#,
         "$1[REDACTED]", nil, keywordTriggers, 0, 0),
        ("password-colon",
         #"(?<![a-z0-9_.-])((?:[a-z0-9]+[_-])*(?:password|passwd|passphrase)[ \t]*:[ \t]+)(?!"# + placeholder + #")[^\s,;'\"}\]]+"#,
         "$1[REDACTED]", nil, ["passw", "passphrase"], 0, 0),
        ("well-known-token",
         #"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}|glpat-[A-Za-z0-9_-]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|xapp-[0-9]-[A-Za-z0-9-]{10,}|sk-[A-Za-z0-9_-]{20,}|(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}|whsec_[A-Za-z0-9]{20,}|(?-i:(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA)[A-Z0-9]{16})|(?-i:AIza[0-9A-Za-z_-]{35})|ya29\.[0-9A-Za-z_-]{20,}|GOCSPX-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{36}|pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{20,}|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}|hf_[A-Za-z0-9]{30,}|shp(?:at|ca|pa|ss)_[a-f0-9]{32}|do[opr]_v1_[a-f0-9]{64}|dapi[a-f0-9]{32}|PMAK-[a-f0-9]{24}-[a-f0-9]{34})(?![A-Za-z0-9])"#,
         "[REDACTED]", nil, ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "xox", "xapp-", "sk-", "sk_", "rk_", "whsec_", "a3t", "akia", "asia", "abia", "acca", "agpa", "aida", "aipa", "anpa", "anva", "aroa", "apka", "aiza", "ya29.", "gocspx-", "npm_", "pypi-", "sg.", "hf_", "shp", "_v1_", "dapi", "pmak-"], 0, 0),
        ("card-number",
         #"(?<![0-9.-])[2-6](?:[ -]?[0-9]){12,18}(?![0-9])"#,
         "[REDACTED]", .luhn, [], 13, 0),
        ("us-ssn",
         #"(?<![0-9-])[0-9]{3}-[0-9]{2}-[0-9]{4}(?![0-9-])"#,
         "[REDACTED]", nil, ["-"], 9, 0),
        ("long-mixed-token",
         #"(?-i)\b(?=[A-Za-z0-9]*[A-Z])(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[0-9])[A-Za-z0-9]{40,}\b(?!\.[A-Za-z][A-Za-z0-9]{0,4}\b)"#,
         "[REDACTED]", nil, [], 0, 40),
    ]

    /// The built-in rule set: private keys, JWTs, bearer and basic credentials, authorization and
    /// API-key headers, URL credentials, webhook URLs, JSON, dict-repr, XML, `key=value` and
    /// YAML-style secrets (whole keys only), well-known token formats (GitHub, Slack, Stripe, AWS,
    /// Google, …), card numbers (Luhn checked), US SSNs and long mixed-case tokens (a lowercase
    /// 40-hex git commit id is kept).
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
