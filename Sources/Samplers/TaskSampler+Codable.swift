/// A checkpoint holds the config with the state; decoding checks that they fit together.
extension TaskSampler: Codable {
    private enum CodingKeys: String, CodingKey { case config, state }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let config = try container.decode(SamplerConfig.self, forKey: .config)
        let state = try container.decode(TaskSamplerState.self, forKey: .state)
        do {
            try self.init(config: config, restoring: state)
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(config, forKey: .config)
        try container.encode(state, forKey: .state)
    }
}
