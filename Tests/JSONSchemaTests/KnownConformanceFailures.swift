/// Conformance cases allowed to fail, each with the reason. `ConformanceTests` fails on any other failing
/// case AND on a listed case that passes, so remove an entry as soon as its case passes.
///
/// Empty: every required, optional and optional/format case of draft 2020-12 and draft-07 passes.
enum KnownConformanceFailures {
    /// Case id (`<draft>/<file>: <group> / <test>`) → reason.
    static let cases: [String: String] = [:]
}
