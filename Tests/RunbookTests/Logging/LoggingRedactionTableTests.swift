import Foundation
import Runbook
import Testing

/// Exact-text redaction cases: (input, expected output) with the built-in patterns and three
/// registered secrets, `k3y~~>>?`, `p@ss w0rd~` and `tok-en/val+ue`.
struct LoggingRedactionTableTests {
    static func makeRedactor() -> Redactor {
        let registry = SecretRegistry()
        registry.register("k3y~~>>?")
        registry.register("p@ss w0rd~")
        registry.register("tok-en/val+ue")
        return Redactor(secrets: registry, patterns: .builtIn)
    }

    static let redacted: [(String, String)] = [
        // Layer 1: known secret values and their encodings.
        ("login with k3y~~>>? now", "login with [REDACTED] now"),
        ("pw=p@ss w0rd~", "pw=[REDACTED]"),
        ("q=k3y~~%3E%3E%3F&x=1", "q=[REDACTED]&x=1"),
        ("q=k3y~~%3e%3e%3f", "q=[REDACTED]"),
        ("form p%40ss%20w0rd~ end", "form [REDACTED] end"),
        ("form p%40ss+w0rd~ end", "form [REDACTED] end"),
        ("b64 azN5fn4+Pj8= end", "b64 [REDACTED] end"),
        ("b64 azN5fn4+Pj8 end", "b64 [REDACTED] end"),
        ("b64url azN5fn4-Pj8= end", "b64url [REDACTED] end"),
        ("b64url azN5fn4-Pj8 end", "b64url [REDACTED] end"),
        ("b64 cEBzcyB3MHJkfg== end", "b64 [REDACTED] end"),
        ("Authorization: Basic c3ZjOnBAc3MgdzByZH4=", "Authorization: Basic [REDACTED]"),
        ("basic c3ZjOnBAc3MgdzByZH4= seen", "basic [REDACTED] seen"),
        ("body eyJwdyI6ImszeX5+Pj4/In0= sent", "body [REDACTED] sent"),
        ("secret in error: could not open K3Y k3y~~>>?", "secret in error: could not open K3Y [REDACTED]"),
        // Bearer tokens and JWTs.
        ("Authorization: Bearer abc123.def-456_ghi", "Authorization: Bearer [REDACTED]"),
        ("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-nature_x", "Bearer [REDACTED]"),
        ("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl here", "token [REDACTED] here"),
        ("bearer Zm9vYmFyYmF6cXV4", "bearer [REDACTED]"),
        ("BEARER abcdefghijklmnopqrstuvwxyz", "BEARER [REDACTED]"),
        ("header bearer 0123456789abcdef==", "header bearer [REDACTED]"),
        ("proxy-authorization: Digest abc123", "proxy-authorization: Digest [REDACTED]"),
        ("x-api-key: 9f8e7d6c5b4a", "x-api-key: [REDACTED]"),
        ("Ocp-Apim-Subscription-Key: 0a1b2c3d4e", "Ocp-Apim-Subscription-Key: [REDACTED]"),
        // JSON and dict reprs, underscore-prefixed keys, original key spelling kept.
        (#"{"password": "hunter2"}"#, #"{"password": "[REDACTED]"}"#),
        (#"{"_password": "x"}"#, #"{"_password": "[REDACTED]"}"#),
        (#"{"client-secret": "abc"}"#, #"{"client-secret": "[REDACTED]"}"#),
        (#"{"client_secret":"abc","id":1}"#, #"{"client_secret":"[REDACTED]","id":1}"#),
        (#"{"_client_secret": "x"}"#, #"{"_client_secret": "[REDACTED]"}"#),
        (#"{"_api_key": "sk-live"}"#, #"{"_api_key": "[REDACTED]"}"#),
        (#"{"outer": {"_token": "secret"}}"#, #"{"outer": {"_token": "[REDACTED]"}}"#),
        (#"{"access_token": "a.b.c", "expires_in": 3600}"#, #"{"access_token": "[REDACTED]", "expires_in": 3600}"#),
        (#"{"refreshToken": "r1"}"#, #"{"refreshToken": "[REDACTED]"}"#),
        (#"{"apiKey": "k\"q"}"#, #"{"apiKey": "[REDACTED]"}"#),
        (#"{"pin_password": 123456}"#, #"{"pin_password": "[REDACTED]"}"#),
        (#"{"AccountKey": "abc=="}"#, #"{"AccountKey": "[REDACTED]"}"#),
        ("{'_client_secret': 'abc123secretvalue', '_token': 'tok987'}",
         "{'_client_secret': '[REDACTED]', '_token': '[REDACTED]'}"),
        ("{'password': \"pw\"}", "{'password': \"[REDACTED]\"}"),
        ("{'db_password': 'x y z'}", "{'db_password': '[REDACTED]'}"),
        // Query strings and key=value.
        ("GET /x?api_key=abc123&page=2", "GET /x?api_key=[REDACTED]&page=2"),
        ("GET /x?page=2&apikey=abc", "GET /x?page=2&apikey=[REDACTED]"),
        ("Api_Key=ABC API-KEY=DEF ApiKey=GHI", "Api_Key=[REDACTED] API-KEY=[REDACTED] ApiKey=[REDACTED]"),
        ("password=hunter2 user=bob", "password=[REDACTED] user=bob"),
        ("db_password=hunter2", "db_password=[REDACTED]"),
        ("pwd=abc;uid=sa", "pwd=[REDACTED];uid=sa"),
        ("pass=abc", "pass=[REDACTED]"),
        ("client_secret=s3&grant_type=client_credentials", "client_secret=[REDACTED]&grant_type=client_credentials"),
        ("access_token=xyz", "access_token=[REDACTED]"),
        ("token=abc123", "token=[REDACTED]"),
        ("_token=abc123", "_token=[REDACTED]"),
        ("password%3Dhunter2", "password%3D[REDACTED]"),
        ("secret = shh", "secret = [REDACTED]"),
        ("sv=2022&sig=AbC%2Bdef&se=1", "sv=2022&sig=[REDACTED]&se=1"),
        // Connection strings and Azure storage.
        ("Server=db;User Id=sa;Password=P@ss;", "Server=db;User Id=sa;Password=[REDACTED];"),
        ("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=abc+def/ghi==;EndpointSuffix=core.windows.net",
         "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=[REDACTED];EndpointSuffix=core.windows.net"),
        ("Endpoint=sb://x/;SharedAccessKeyName=root;SharedAccessKey=abc=", "Endpoint=sb://x/;SharedAccessKeyName=root;SharedAccessKey=[REDACTED]"),
        ("PrimaryKey=abc secondary-key=def", "PrimaryKey=[REDACTED] secondary-key=[REDACTED]"),
        ("https://svc:hunter2@db.example.com/x", "https://svc:[REDACTED]@db.example.com/x"),
        // Cards (Luhn), SSNs, well-known tokens, long mixed tokens, private keys.
        ("card 4111 1111 1111 1111 used", "card [REDACTED] used"),
        ("card 4111-1111-1111-1111", "card [REDACTED]"),
        ("card 5500000000000004", "card [REDACTED]"),
        ("amex 340000000000009.", "amex [REDACTED]."),
        ("ssn 123-45-6789", "ssn [REDACTED]"),
        ("gh token ghp_abcdefghijklmnopqrstuvwxyz0123456789", "gh token [REDACTED]"),
        ("aws AKIAIOSFODNN7EXAMPLE", "aws [REDACTED]"),
        ("openai sk-proj-abcdefghijklmnopqrstuv", "openai [REDACTED]"),
        ("tok aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3gH5jK7m", "tok [REDACTED]"),
        ("-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----", "[REDACTED]"),
        // Known values as other encoders write them: .alphanumerics percent-encoding, JSONEncoder, upper case.
        ("q=tok%2Den%2Fval%2Bue&x=1", "q=[REDACTED]&x=1"),
        ("q=tok%2den%2fval%2bue", "q=[REDACTED]"),
        (#"{"v":"tok-en\/val+ue"}"#, #"{"v":"[REDACTED]"}"#),
        ("SHOUTED TOK-EN/VAL+UE here", "SHOUTED [REDACTED] here"),
        ("hex 746f6b2d656e2f76616c2b7565 end", "hex [REDACTED] end"),
        // Basic credentials outside an Authorization header; quoted header dumps.
        ("proxy said: Basic YWRtaW46czNjcjN0 rejected", "proxy said: Basic [REDACTED] rejected"),
        (#"{"Authorization": "Basic YWRtaW46czNjcjN0"}"#, #"{"Authorization": "Basic [REDACTED]"}"#),
        (#"headers {'authorization': 'Bearer abc.def-123'}"#, #"headers {'authorization': 'Bearer [REDACTED]'}"#),
        ("x-amz-security-token: IQoJb3JpZ2luX2VjEPT", "x-amz-security-token: [REDACTED]"),
        // AWS secret keys and temporary credentials.
        (#""SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY""#, #""SecretAccessKey": "[REDACTED]""#),
        ("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key = [REDACTED]"),
        ("<SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY</SecretAccessKey>",
         "<SecretAccessKey>[REDACTED]</SecretAccessKey>"),
        (#"{"SessionToken": "IQoJb3JpZ2luX2VjEPT//////////wEaCXVz"}"#, #"{"SessionToken": "[REDACTED]"}"#),
        ("temporary key ASIAY34FZKBOKMUTVV7A expires", "temporary key [REDACTED] expires"),
        // Webhook URLs and vendor tokens.
        ("posting to https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
         "posting to https://hooks.slack.com/services/[REDACTED]"),
        ("https://discord.com/api/webhooks/123456789012345678/AbCdEf-GhIjKl_MnOp",
         "https://discord.com/api/webhooks/123456789012345678/[REDACTED]"),
        ("charge with sk_live_4eC39HqLyjWDarjtT1zdp7dc", "charge with [REDACTED]"),
        ("restricted rk_live_51H8xYzAbCdEfGh12345678 used", "restricted [REDACTED] used"),
        ("maps?center=x&key=AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY", "maps?center=x&key=[REDACTED]"),
        ("oauth ya29.a0AfH6SMBabcdefghijklmnopqrstu", "oauth [REDACTED]"),
        ("gitlab glpat-abcdefghij0123456789", "gitlab [REDACTED]"),
        ("npm npm_abcdefghijklmnopqrstuvwxyz0123456789", "npm [REDACTED]"),
        ("sendgrid SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
         "sendgrid [REDACTED]"),
        // URL credentials: empty user, a password containing @.
        ("redis://:s3cr3tpw@cache.internal:6379/0", "redis://:[REDACTED]@cache.internal:6379/0"),
        ("postgres://app:p@ss@word@db.internal:5432/app", "postgres://app:[REDACTED]@db.internal:5432/app"),
        ("mongodb+srv://admin:Pa55w0rd@cluster0.example.net/db", "mongodb+srv://admin:[REDACTED]@cluster0.example.net/db"),
        // YAML-style key: value.
        ("password: hunter2", "password: [REDACTED]"),
        (#"  db_password: "s3cr3t value"   # prod"#, "  db_password: [REDACTED]   # prod"),
        ("- api_key: abcd1234efgh", "- api_key: [REDACTED]"),
        ("global:\n  client-secret: Zx9-q\n  tenant-id: acme", "global:\n  client-secret: [REDACTED]\n  tenant-id: acme"),
        ("login failed for bob, password: Winter2024!", "login failed for bob, password: [REDACTED]"),
        // A private key cut off before its END line.
        ("key -----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA", "key [REDACTED]"),
    ]

    static let kept: [String] = [
        "bypass=1",
        "compass=north",
        "passport=P123",
        "tokenizer=simple",
        "commit 3f786850e387550fdab836ed7e6dc881de23001b merged",
        "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "require_token=False",
        "use_token=true",
        "password=None",
        "order 4111-1111-1111-1112 shipped",
        "order 4000-1234-5678-9012 shipped",
        "order 1234-5678-9012-3456 shipped",
        "Testing Bearer token:",
        "Bearer auth is required",
        "timestamp 1737815445123 ms",
        "date 2025-01-25T14:30:45Z",
        "phone +1 555 0100",
        "amount 1234.56 EUR",
        #"{"token_type": "Bearer", "expires_in": 3600}"#,
        #"{"password_policy": "strict"}"#,
        #"{"passwords_expire": true}"#,
        "Processing customer data from CSV",
        "[BC-Prod/Contoso/CustomerAPI] Retrieved 150 customers",
        "GET /customers?page=2&$top=100",
        "user=bob role=admin",
        "🚀 Starting customer-sync for acme-prod",
        "path=/var/lib/app/secrets.d",
        "key=value",
        "Saved JSON to output/report.json (4.10 KB)",
        "retry 3/5 after 2.0 s (HTTP 503)",
        "uuid 123e4567-e89b-12d3-a456-426614174000",
        "version 6.3.1",
        "k3y~ partial is not the secret",
        "Payment authorization: APPROVED",
        "Authorization: pending review",
        "Authorization header missing",
        "primary_key=customer_id",
        "SELECT customer_id, primary_key FROM accounts",
        "GET /static/img/aGVsbG9Xb3JsZDEyMzQ1Njc4OTBhYmNkZWZnaGlqa2xtbm9wcXJz.png 200",
        "/uploads/iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk.jpg",
        "Basic authentication is disabled for this tenant",
        "Basic plan: 10 users",
        "token: expired, refreshing",
        "password: required",
        "client-secret: <value>",
        "api-key: ${ERP_API_KEY}",
        "Invalid JSON: unexpected token: }",
        "Asia/Tokyo timezone",
        "ASIA-PACIFIC region sales",
        "desk_live_stream=on",
        "redis://cache.internal:6379/0",
        "ssh://git@github.com/org/repo.git",
        "mailto:ops@example.com",
        "https://hooks.example.com/services/status",
        "password_reset_required=true",
        "max_tokens=4096 tokens: 1500",
        "x-request-id: 3f2a9c1e-8b7d-4e6f-a5c4-1234567890ab",
    ]

    @Test("redacts", arguments: redacted)
    func redacts(input: String, expected: String) {
        let redactor = Self.makeRedactor()
        #expect(redactor.redact(input) == expected)
        // Redacting again changes nothing (an error is redacted by the run, then by the renderer).
        #expect(redactor.redact(expected) == expected)
    }

    @Test("keeps", arguments: kept)
    func keeps(input: String) {
        #expect(Self.makeRedactor().redact(input) == input)
    }

    /// A HelpfulError's text gets exactly the redaction of a log line, plain and JSON.
    static func renderedProblems(_ problem: String) throws -> (plain: String, json: String) {
        let error = HelpfulError(problem: problem, solution: "Retry", location: .file("config/a.yaml", line: 2, column: 7))
        let redactor = makeRedactor()
        let plain = HelpfulErrorRenderer(style: .plain, redactor: redactor).render(error)
        let json = HelpfulErrorRenderer(style: .json, redactor: redactor).render(error)
        struct Envelope: Decodable { struct Body: Decodable { let problem: String }; let error: Body }
        let decoded = try JSONDecoder().decode(Envelope.self, from: Data(json.utf8))
        let prefix = "❌ Problem [RB-SCR-001]: "
        let end = try #require(plain.range(of: "\n📍 Where: config/a.yaml:2:7\n"))
        return (String(plain[plain.index(plain.startIndex, offsetBy: prefix.count)..<end.lowerBound]), decoded.error.problem)
    }

    @Test("errors: the same redaction as log lines", arguments: redacted)
    func errorsRedact(input: String, expected: String) throws {
        let shown = try Self.renderedProblems(input)
        #expect(shown.plain == expected)
        #expect(shown.json == expected)
    }

    @Test("errors: harmless text kept", arguments: kept)
    func errorsKeep(input: String) throws {
        let shown = try Self.renderedProblems(input)
        #expect(shown.plain == input)
        #expect(shown.json == input)
    }

    @Test func tableIsLargeEnough() {
        #expect(Self.redacted.count >= 77)
        #expect(Self.kept.count >= 48)
    }
}
