extension GridWorld {
    /// Writes the 29-value observation (cell one-hot, then task one-hot) into `buffer`.
    public func writeObservation(into buffer: UnsafeMutableBufferPointer<Float>) throws(GridWorldError) {
        guard buffer.count == GridWorld.observationSize else {
            throw .observationBufferSize(expected: GridWorld.observationSize, actual: buffer.count)
        }
        buffer.update(repeating: 0)
        buffer[agent.index] = 1
        buffer[GridTask.cellCount + task.index] = 1
    }

    /// Writes the 29-value observation into a `Double` buffer.
    public func writeObservation(into buffer: UnsafeMutableBufferPointer<Double>) throws(GridWorldError) {
        guard buffer.count == GridWorld.observationSize else {
            throw .observationBufferSize(expected: GridWorld.observationSize, actual: buffer.count)
        }
        buffer.update(repeating: 0)
        buffer[agent.index] = 1
        buffer[GridTask.cellCount + task.index] = 1
    }
}
