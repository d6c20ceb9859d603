/// Pattern checks for one validation run: the schema's frozen programs, and an ASCII automaton built
/// for a pattern once this run has used it often (an automaton costs more to build than a small
/// configuration takes to check, and much less than a large document's thousands of matches).
struct PatternMatcher {
    /// The entries searched; replaced by an upgraded copy once an automaton is added.
    private(set) var entries: UnsafeBufferPointer<RegexEntry>
    private let programs: [FrozenRegexProgram]
    /// Per pattern: searches without an automaton so far, or -1 when none will be built.
    private var uses: [Int32] = []
    private var upgraded: UpgradedEntries?
    /// The backtracking stack searches reuse.
    var scratch: [RegexMatcher.BacktrackEntry] = []

    /// How many searches of one pattern in one run make building its automaton worthwhile.
    static let automatonThreshold: Int32 = 256

    init(_ plans: AssertionPlans) {
        entries = plans.regexes.buffer
        programs = plans.regexPrograms
    }

    /// Whether pattern `index` matches anywhere in `text` (false when the step budget runs out).
    @inline(__always)
    mutating func matches(_ index: Int, _ text: String) -> Bool {
        if (entries.baseAddress! + index).pointee.dfa == nil { noteSearch(index) }
        return RegexEntry.matches(entries.baseAddress! + index, text, scratch: &scratch)
    }

    private mutating func noteSearch(_ index: Int) {
        if uses.isEmpty { uses = Array(repeating: 0, count: entries.count) }
        guard uses[index] >= 0 else { return }
        uses[index] += 1
        guard uses[index] >= Self.automatonThreshold else { return }
        uses[index] = -1
        guard let faster = programs[index].withAutomaton() else { return }
        let storage = upgraded ?? UpgradedEntries(copying: entries)
        storage.install(faster, at: index)
        upgraded = storage
        entries = UnsafeBufferPointer(storage.entries)
    }
}

/// A run's own copy of the pattern entries, some with automata; owns what they point into.
private final class UpgradedEntries {
    let entries: UnsafeMutableBufferPointer<RegexEntry>
    private var programs: [FrozenRegexProgram] = []

    init(copying original: UnsafeBufferPointer<RegexEntry>) {
        entries = .allocate(capacity: original.count)
        _ = entries.initialize(from: original)
    }

    func install(_ program: FrozenRegexProgram, at index: Int) {
        programs.append(program)
        entries[index] = program.entry
    }

    deinit {
        entries.deinitialize()
        entries.deallocate()
    }
}
