// Scripts and their tests import only `Runbook`: the option property wrappers (swift-argument-parser)
// and the `Logger` API (swift-log) they use come with it.
@_exported public import ArgumentParser
@_exported public import Logging

// The swift-http-types a script's or a test's code names through Runbook's API (request methods,
// response statuses, header fields), and no more of that module.
@_exported public import struct HTTPTypes.HTTPRequest
@_exported public import struct HTTPTypes.HTTPResponse
@_exported public import struct HTTPTypes.HTTPFields
@_exported public import struct HTTPTypes.HTTPField
