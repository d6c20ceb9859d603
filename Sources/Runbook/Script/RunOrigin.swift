import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where and as whom this process runs, for the run record.
package enum RunOrigin {
    /// The host name (`gethostname`) and the user: `USER`, else `LOGNAME` from the run's
    /// environment, else the name of the effective user id, else its number.
    package static func current(environment: [String: String]) -> RunRecord.Origin {
        var name = [CChar](repeating: 0, count: 256)
        let host = gethostname(&name, name.count - 1) == 0
            ? String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        let user = [environment["USER"], environment["LOGNAME"], ProcessInfo.processInfo.environment["USER"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? userName()
        return RunRecord.Origin(host: host, user: user)
    }

    private static func userName() -> String {
        let uid = geteuid()
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return String(uid) }
        return String(cString: name)
    }
}
