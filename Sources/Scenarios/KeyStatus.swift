import Model

extension Scenario {
    /// The status of `key` in this scenario (placeholder: the declared status).
    public func status(of key: ScenarioKey) -> SourceStatus { key.status }
}
