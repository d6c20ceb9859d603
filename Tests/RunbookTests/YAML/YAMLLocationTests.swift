import JSONSchema
import Runbook
import Testing

/// Every node and every key carries its source, line and column (1-based, columns in Unicode scalars).
@Suite struct YAMLLocationTests {
    static let document = """
        a:
          b: [1, {c: x}]
          d:
            - e
            - f: 'g'
        ключ: значение
        block: |
          text
        """

    static let nodes: [(path: [String], location: String)] = [
        ([], "1:1"), (["a"], "2:3"), (["a", "b"], "2:6"), (["a", "b", "0"], "2:7"), (["a", "b", "1"], "2:10"),
        (["a", "b", "1", "c"], "2:14"), (["a", "d"], "4:5"), (["a", "d", "0"], "4:7"), (["a", "d", "1"], "5:7"),
        (["a", "d", "1", "f"], "5:10"), (["ключ"], "6:7"), (["block"], "7:8"),
    ]

    @Test(arguments: nodes)
    func nodeLocation(path: [String], location: String) throws {
        let root = try YAMLReader().read(Self.document, source: 7)
        let node = try #require(root.node(at: path))
        #expect(position(node.location) == location)
        #expect(node.location.source == 7)
    }

    static let keys: [(path: [String], key: String, location: String)] = [
        ([], "a", "1:1"), ([], "ключ", "6:1"), ([], "block", "7:1"), (["a"], "b", "2:3"), (["a"], "d", "3:3"),
        (["a", "b", "1"], "c", "2:11"), (["a", "d", "1"], "f", "5:7"),
    ]

    @Test(arguments: keys)
    func keyLocation(path: [String], key: String, location: String) throws {
        let root = try YAMLReader().read(Self.document, source: 7)
        let object = try #require(root.node(at: path)?.value.objectValue)
        let member = try #require(object.member(key))
        #expect(position(member.keyLocation) == location)
        #expect(member.keyLocation.source == 7)
    }

    @Test func windowsLineEndings() throws {
        let root = try YAMLReader().read("a: 1\r\nb:\r\n  - x\r\n")
        #expect(render(root.value) == #"{a: 1, b: ["x"]}"#)
        #expect(position(try #require(root.node(at: ["b", "0"])).location) == "3:5")
        #expect(position(try #require(root.value.objectValue?.member("b")).keyLocation) == "2:1")
    }

    @Test func errorDescriptionLeadsWithThePlace() {
        let error = YAMLError("duplicate key 'a' (first defined at line 2, column 1)", at: SourceLocation(source: 4, line: 5, column: 1))
        #expect(error.description == "line 5, column 1: duplicate key 'a' (first defined at line 2, column 1)")
    }

    @Test func keysKeepDocumentOrder() throws {
        let root = try YAMLReader().read("z: 1\na: 2\nm: 3\n")
        #expect(root.value.objectValue?.keys == ["z", "a", "m"])
    }

    @Test func bytesAndTextAgree() throws {
        let fromText = try YAMLReader().read(Self.document)
        let fromBytes = try YAMLReader().read(Array(Self.document.utf8))
        #expect(render(fromText.value) == render(fromBytes.value))
        #expect(render(fromText.value) == #"{a: {b: [1, {c: "x"}], d: ["e", {f: "g"}]}, ключ: "значение", block: "text"}"#)
    }

    @Test func mappingKeysAreTheirText() {
        #expect(outcome("1: a\ntrue: b\n~: c\n0x1F: d\n'q': e\n") == #"{1: "a", true: "b", ~: "c", 0x1F: "d", q: "e"}"#)
    }
}
