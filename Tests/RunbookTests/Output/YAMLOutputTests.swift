import JSONSchema
import Foundation
import Runbook
import Testing

struct YAMLOutputTests {
    struct Customer: Encodable {
        var name: String
        var id: Int
        var active: Bool
        var code: String
        var note: String?
        var tags: [String]
        var limits: [String: Double]
        var joined: Date
    }

    @Test func writesBlockYAMLInEncodableOrder() throws {
        let project = TemporaryProject()
        let customer = Customer(
            name: "Müller: Anna", id: 7, active: true, code: "007", note: nil, tags: ["a", "true", ""],
            limits: ["credit": 1500.5], joined: Date(timeIntervalSince1970: 1_737_815_445))
        try project.store.saveYAML([customer], to: .output, name: "c.yaml")
        #expect(try project.text("output/c.yaml") == """
            - name: 'Müller: Anna'
              id: 7
              active: true
              code: '007'
              tags:
              - a
              - 'true'
              - ''
              limits:
                credit: 1500.5
              joined: 2025-01-25T14:30:45Z

            """)
    }

    @Test func emptyCollectionsAndNull() throws {
        let project = TemporaryProject()
        struct Box: Encodable {
            var list: [Int] = []
            var map: [String: Int] = [:]
            var nothing: Int?
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(list, forKey: .list)
                try container.encode(map, forKey: .map)
                try container.encode(nothing, forKey: .nothing)
            }
            enum CodingKeys: String, CodingKey { case list, map, nothing }
        }
        try project.store.saveYAML(Box(), to: .output, name: "b.yml")
        #expect(try project.text("output/b.yml") == "list: []\nmap: {}\nnothing: null\n")
    }

    @Test func savedYAMLLoadsBackWithPositions() throws {
        let project = TemporaryProject()
        try project.store.saveText("a: 1\nb: [x, y]\n", to: .config, name: "x.yaml")
        let node = try project.store.loadYAML(from: .config, name: "x.yaml")
        #expect(node.value.objectValue?.keys == ["a", "b"])
        #expect(node.node(at: ["b", "1"])?.location.line == 2)
        #expect(node.node(at: ["b", "1"])?.location.column == 8)
    }

    @Test func malformedYAMLIsAHelpfulErrorWithItsPosition() throws {
        let project = TemporaryProject()
        try project.store.saveText("a: [1, 2\n", to: .config, name: "bad.yaml")
        let error = #expect(throws: HelpfulError.self) { try project.store.loadYAML(from: .config, name: "bad.yaml") }
        #expect(error?.location?.file == "config/bad.yaml")
        #expect(error?.location?.line == 2)
    }
}
