// Scripts import only `Runbook`: the option property wrappers (swift-argument-parser) and the
// `Logger` API (swift-log) they use come with it.
@_exported public import ArgumentParser
@_exported public import Logging
