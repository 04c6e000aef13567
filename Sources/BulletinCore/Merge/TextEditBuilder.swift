extension TextEdit {
    /// The edit that turns `base` into `target` (both are normalised first).
    ///
    /// Paragraphs are diffed as wholes; each changed paragraph is paired with its replacement and sent either as
    /// a word-level span edit or as delete-plus-insert, whichever encodes smaller. When a stretch of paragraphs
    /// changes count (a split, a join), a small alignment picks the cheapest pairing.
    public static func make(base: [String], target: [String]) -> TextEdit {
        let base = base.map(TextNormalization.normalize)
        let target = target.map(TextNormalization.normalize)
        if base == target {
            // What the diff below yields for equal texts (no hunk, so no operation), without hashing every
            // paragraph: the server makes this edit for the author's echo of every article it logs.
            return TextEdit(baseCount: base.count, baseHash: TextFingerprint.of(base), operations: canonical([]))
        }
        var operations: [ParagraphOperation] = []
        var position = 0
        for hunk in SequenceDiff.hunks(from: base, to: target) {
            if hunk.old.lowerBound > position { operations.append(.keep(hunk.old.lowerBound - position)) }
            operations.append(contentsOf: replacement(of: base[hunk.old], by: target[hunk.new]))
            position = hunk.old.upperBound
        }
        return TextEdit(
            baseCount: base.count, baseHash: TextFingerprint.of(base), operations: canonical(operations))
    }

    /// Operations that replace the base paragraphs `old` by `new`.
    private static func replacement(of old: ArraySlice<String>, by new: ArraySlice<String>) -> [ParagraphOperation] {
        let old = Array(old)
        let new = Array(new)
        if old.isEmpty { return new.map(ParagraphOperation.insert) }
        if new.isEmpty { return [.delete(old.count)] }
        var pairings: [Int: [ParagraphOperation]] = [:]
        func pairingOperations(_ oldIndex: Int, _ newIndex: Int) -> [ParagraphOperation] {
            let key = oldIndex * new.count + newIndex
            if let known = pairings[key] { return known }
            let operations = pairing(old[oldIndex], new[newIndex])
            pairings[key] = operations
            return operations
        }
        let deleteCost = WireSize.of([ParagraphOperation.delete(1)])
        let steps: [ParagraphAlignment.Step]
        if old.count == new.count {
            steps = old.indices.map { ParagraphAlignment.Step.pair(old: $0, new: $0) }
        } else {
            steps = ParagraphAlignment.align(
                oldCount: old.count, newCount: new.count,
                pairCost: { WireSize.of(pairingOperations($0, $1)) },
                deleteCost: { _ in deleteCost },
                insertCost: { WireSize.of([ParagraphOperation.insert(new[$0])]) })
        }
        return steps.flatMap { step -> [ParagraphOperation] in
            switch step {
            case .pair(let oldIndex, let newIndex): pairingOperations(oldIndex, newIndex)
            case .delete: [.delete(1)]
            case .insert(let newIndex): [.insert(new[newIndex])]
            }
        }
    }

    /// The operations that turn one base paragraph into one target paragraph: a span edit or delete-plus-insert,
    /// whichever is smaller on the wire.
    private static func pairing(_ old: String, _ new: String) -> [ParagraphOperation] {
        let spans = spanOperations(from: old, to: new)
        if spans.isEmpty { return [.keep(1)] }
        let edit: [ParagraphOperation] = [.edit(spans)]
        let replace: [ParagraphOperation] = [.delete(1), .insert(new)]
        return WireSize.of(edit) < WireSize.of(replace) ? edit : replace
    }

    /// Word-level span operations from `old` to `new` (both NFC), trimmed to the differing grapheme clusters.
    static func spanOperations(from old: String, to new: String) -> [SpanOperation] {
        let oldTokens = TextTokenizer.tokens(inNormalized: old)
        let newTokens = TextTokenizer.tokens(inNormalized: new)
        var spans: [SpanOperation] = []
        var position = 0
        for hunk in SequenceDiff.hunks(from: oldTokens, to: newTokens) {
            spans.append(.keep(scalarCount(oldTokens[position..<hunk.old.lowerBound])))
            let removed = Array(oldTokens[hunk.old].map(\.text).joined())
            let added = Array(newTokens[hunk.new].map(\.text).joined())
            var prefix = 0
            while prefix < removed.count, prefix < added.count, removed[prefix] == added[prefix] { prefix += 1 }
            var suffix = 0
            while suffix < removed.count - prefix, suffix < added.count - prefix,
                removed[removed.count - 1 - suffix] == added[added.count - 1 - suffix]
            {
                suffix += 1
            }
            spans.append(.keep(scalarCount(removed[..<prefix])))
            spans.append(.delete(scalarCount(removed[prefix..<(removed.count - suffix)])))
            spans.append(.insert(String(added[prefix..<(added.count - suffix)])))
            spans.append(.keep(scalarCount(removed[(removed.count - suffix)...])))
            position = hunk.old.upperBound
        }
        return canonical(spans)
    }

    private static func scalarCount(_ tokens: ArraySlice<TextToken>) -> Int {
        tokens.reduce(0) { $0 + $1.text.unicodeScalars.count }
    }

    private static func scalarCount(_ characters: ArraySlice<Character>) -> Int {
        characters.reduce(0) { $0 + $1.unicodeScalars.count }
    }

    /// Merges neighbouring keeps and deletes, drops empty steps and the trailing keep.
    static func canonical(_ spans: [SpanOperation]) -> [SpanOperation] {
        var result: [SpanOperation] = []
        var pendingDelete = 0
        var pendingInsert = ""
        func flushChange() {
            if pendingDelete > 0 { result.append(.delete(pendingDelete)) }
            if !pendingInsert.isEmpty { result.append(.insert(pendingInsert)) }
            pendingDelete = 0
            pendingInsert = ""
        }
        for span in spans {
            switch span {
            case .keep(let count) where count > 0:
                flushChange()
                if case .keep(let previous)? = result.last {
                    result[result.count - 1] = .keep(previous + count)
                } else {
                    result.append(.keep(count))
                }
            case .delete(let count) where count > 0:
                pendingDelete += count
            case .insert(let text):
                pendingInsert += text
            case .keep, .delete:
                break
            }
        }
        flushChange()
        if case .keep? = result.last { result.removeLast() }
        return result
    }

    /// Merges neighbouring keeps, gathers each run of deletions and insertions into deletions first, and drops
    /// the trailing keep.
    static func canonical(_ operations: [ParagraphOperation]) -> [ParagraphOperation] {
        var result: [ParagraphOperation] = []
        var pendingDelete = 0
        var pendingInserts: [String] = []
        func flushChange() {
            if pendingDelete > 0 { result.append(.delete(pendingDelete)) }
            result.append(contentsOf: pendingInserts.map(ParagraphOperation.insert))
            pendingDelete = 0
            pendingInserts = []
        }
        for operation in operations {
            switch operation {
            case .keep(let count) where count > 0:
                flushChange()
                if case .keep(let previous)? = result.last {
                    result[result.count - 1] = .keep(previous + count)
                } else {
                    result.append(.keep(count))
                }
            case .delete(let count) where count > 0:
                pendingDelete += count
            case .insert(let paragraph):
                pendingInserts.append(paragraph)
            case .edit(let spans):
                flushChange()
                result.append(.edit(spans))
            case .keep, .delete:
                break
            }
        }
        flushChange()
        if case .keep? = result.last { result.removeLast() }
        return result
    }
}
