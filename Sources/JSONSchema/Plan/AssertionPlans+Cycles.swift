/// In-place cycles of the quick check: `{"allOf": [{"$ref": "#"}, {"$ref": "#"}]}` would make the
/// quick check revisit the same node on the same value, doubling the work at every level.
extension AssertionPlans {
    /// Marks the target of every back edge of the in-place graph (`$ref`, `allOf`, `anyOf` targets)
    /// as unsupported, so that the quick check answers "not sure" there and the evaluator, which
    /// detects the repetition, decides. Every cycle holds a back edge, so every cycle is broken.
    static func breakInPlaceCycles(_ quick: inout [QuickNode], targets: [Int32]) {
        enum Mark: UInt8 { case new, open, done }
        var marks = [Mark](repeating: .new, count: quick.count)
        var breakAt: [Int] = []
        func successors(_ node: Int) -> [Int] {
            let entry = quick[node]
            guard entry.supported, entry.hasStructure else { return [] }
            let all = Int(entry.allStart)..<Int(entry.allStart + entry.allCount)
            let any = Int(entry.anyStart)..<Int(entry.anyStart + entry.anyCount)
            return (all.map { Int(targets[$0]) }) + (any.map { Int(targets[$0]) })
        }
        for start in quick.indices where marks[start] == .new {
            var stack: [(node: Int, next: [Int], position: Int)] = [(start, successors(start), 0)]
            marks[start] = .open
            while !stack.isEmpty {
                let top = stack.count - 1
                if stack[top].position == stack[top].next.count {
                    marks[stack[top].node] = .done
                    stack.removeLast()
                    continue
                }
                let successor = stack[top].next[stack[top].position]
                stack[top].position += 1
                switch marks[successor] {
                case .open: breakAt.append(successor)
                case .done: continue
                case .new:
                    marks[successor] = .open
                    stack.append((successor, successors(successor), 0))
                }
            }
        }
        for node in breakAt { quick[node].supported = false }
    }
}
