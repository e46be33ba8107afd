import RandomStreams

/// One linear output head per task. Rows must be grouped by task (see `TaskGrouping`); each
/// head then runs once, as a GEMM over its task's block of rows.
public final class MultiHead: ParameterOwner {
    public let heads: [Linear]
    public let inputSize: Int
    public let outputSize: Int

    public var parameters: [Parameter] { heads.flatMap(\.parameters) }

    public init(name: String, taskCount: Int, inputSize: Int, outputSize: Int) throws(NetworksError) {
        guard taskCount > 0, inputSize > 0, outputSize > 0 else {
            throw .invalidShape("heads '\(name)' need positive sizes, got \(taskCount) tasks, \(inputSize) -> \(outputSize)")
        }
        self.inputSize = inputSize
        self.outputSize = outputSize
        heads = (0..<taskCount).map { Linear(name: "\(name).\($0)", inputSize: inputSize, outputSize: outputSize) }
    }

    public func initializeOrthogonal(gain: Float, using generator: inout Xoshiro256) throws(NetworksError) {
        for head in heads { try head.initializeOrthogonal(gain: gain, using: &generator) }
    }

    /// output rows of task t = head t applied to input rows of task t.
    @inlinable
    public func forward(input: UnsafePointer<Float>, grouping: TaskGrouping, output: UnsafeMutablePointer<Float>) {
        for (task, head) in heads.enumerated() {
            let rows = grouping.segment(task)
            head.forward(
                input: input + rows.lowerBound * inputSize, rows: rows.count,
                output: output + rows.lowerBound * outputSize)
        }
    }

    /// Accumulates every head's gradients and writes d(loss)/d(input) for all grouped rows.
    @inlinable
    public func backward(
        input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>, grouping: TaskGrouping,
        inputGradient: UnsafeMutablePointer<Float>
    ) {
        for (task, head) in heads.enumerated() {
            let rows = grouping.segment(task)
            head.backward(
                input: input + rows.lowerBound * inputSize,
                outputGradient: outputGradient + rows.lowerBound * outputSize, rows: rows.count,
                inputGradient: inputGradient + rows.lowerBound * inputSize)
        }
    }
}
