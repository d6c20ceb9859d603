// `HTTPTransportError` (a failure below HTTP: no connection, a timeout, a broken response, a
// rejected certificate) is defined by the socket layer, `RunbookTransport`, which throws it; every
// transport throws it. Re-exported, so whoever imports Runbook names it and its members as before.
@_exported public import struct RunbookTransport.HTTPTransportError
