import Runbook
import Testing

@Test func containerDetectsCycles() {
    let container = ServiceContainer()
    container.register(Int.self) { resolver in try resolver.resolve(String.self).count }
    container.register(String.self) { resolver in String(try resolver.resolve(Int.self)) }
    #expect(throws: HelpfulError.self) { try container.resolve(Int.self) }
}
