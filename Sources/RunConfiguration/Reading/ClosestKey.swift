/// Suggests the valid key a misspelt one was probably meant to be.
enum ClosestKey {
    /// The candidate with the smallest case-insensitive edit distance to `key`, if that distance
    /// is small enough to be a typo (at most a third of the key's length, and at least 2).
    static func suggestion(for key: String, among candidates: [String]) -> String? {
        let lowered = Array(key.lowercased())
        let allowed = max(2, lowered.count / 3)
        var best: (candidate: String, distance: Int)?
        // The distance is at least the difference in length, so a far longer key (a megabyte of
        // text) is never compared character by character.
        for candidate in candidates where abs(candidate.count - lowered.count) <= allowed {
            let distance = editDistance(lowered, Array(candidate.lowercased()))
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        guard let best, best.distance <= allowed else { return nil }
        return best.candidate
    }

    /// Levenshtein distance (insertions, deletions and substitutions each cost 1).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
