/// "Did you mean …?" for misspelt keys and names.
///
/// A typo in a scenario key would otherwise be caught only as "unknown key", leaving the planner to hunt through the
/// documentation; naming the nearest valid key turns most mistakes into a one-character fix.
enum Suggestions {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    ///
    /// Distances are case-insensitive (`LevelShares` → `levelShares`). "Close enough" allows one edit for short words and
    /// about one edit in three for longer ones, at most three: beyond that a suggestion is more confusing than helpful.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let lowered = Array(word.lowercased())
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = levenshtein(lowered, Array(candidate.lowercased()))
            let allowed = max(1, min(3, max(lowered.count, candidate.count) / 3))
            guard distance <= allowed else { continue }
            if let current = best, current.distance <= distance { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// The message for an unknown key or name: a suggestion when one is close, else the whole list.
    static func unknown(_ what: String, _ word: String, validNames: [String]) -> String {
        if let match = nearest(to: word, in: validNames) {
            return "unknown \(what) `\(word)`; did you mean `\(match)`?"
        }
        if validNames.isEmpty {
            return "unknown \(what) `\(word)`; nothing can be set here"
        }
        return "unknown \(what) `\(word)`; valid \(what)s here: " + validNames.joined(separator: ", ")
    }

    /// Edit distance (insertions, deletions, substitutions) between two character arrays.
    static func levenshtein(_ a: [Character], _ b: [Character]) -> Int {
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
