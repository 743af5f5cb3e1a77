import ArgumentParser

/// Numeric options read as users type them (issue 13, family 10).
///
/// Without `.unconditional`, ArgumentParser takes `--threads -1` for two options and says "Missing value"; these
/// transforms also say what is allowed instead of "The value is invalid".
enum OptionValues {
    /// A whole number (`--households 200000`), or the reason it is not one.
    @Sendable static func whole(_ text: String) throws -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("expected a whole number such as 1000, got '\(text.prefix(32))'")
        }
        return value
    }

    /// A seed: a whole number from 0 to 18446744073709551615 (2⁶⁴ − 1).
    @Sendable static func seed(_ text: String) throws -> UInt64 {
        guard let value = UInt64(text.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("expected a whole number from 0 to 18446744073709551615, got '\(text.prefix(32))'")
        }
        return value
    }
}
