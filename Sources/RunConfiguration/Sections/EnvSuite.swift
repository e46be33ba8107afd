import GridWorld
import TaskRewards

/// Which family of tasks a run trains on.
public enum EnvSuite: String, Codable, CaseIterable, Sendable {
    /// MetaWorld MT10 re-implemented on ODE.
    case mt10
    /// The four 5x5 grid worlds of the DRATS paper's illustrative experiment (docs/tasks.md, 'The
    /// grid worlds').
    case gridworld

    /// Every task of the suite, in its canonical order (MetaWorld's MT10 order; walls 0-3).
    public var taskNames: [String] {
        switch self {
        case .mt10: MetaWorldTask.mt10.map(\.rawValue)
        case .gridworld: GridTask.standardNames
        }
    }

    /// Values a slot writes per observation, before the trainer appends the one-hot task id:
    /// MetaWorld's 39, or the grid world's 25 cells. (A test checks both against built slots.)
    public var slotObservationSize: Int {
        switch self {
        case .mt10: 39
        case .gridworld: 25
        }
    }

    /// Values per action: the arm's dx, dy, dz and gripper, or one score per grid move.
    public var actionSize: Int { 4 }

    /// Heap bytes of one simulated environment: an MT10 task's ODE world (with the step memory
    /// ODE sizes at the first step), arm, scene and layout table. Measured with the allocation
    /// counter as about 111 KiB on average over the ten tasks after an iteration and an
    /// evaluation (`RunExecutionTests.MemoryEstimateTests`; 136 KiB while the arm's seven links
    /// were bodies), rounded up.
    static let mt10BytesPerEnvironment = 116 << 10

    /// Heap bytes of one environment slot holding `taskCount` tasks: one environment per task
    /// plus the slot's own buffers (an MT10 slot records its episode's actions, 500 x 4 floats).
    func bytesPerSlot(taskCount: Int) -> Int {
        switch self {
        case .mt10: taskCount * Self.mt10BytesPerEnvironment + 500 * 4 * 4 + 4096
        case .gridworld: 4096
        }
    }

    /// Bytes of one slot's state in a checkpoint, header entries included (about 128 bytes an
    /// array): an MT10 slot saves its episode's actions (at most 500 x 4 floats), a layout
    /// generator per task and 5 counters; a grid-world slot 4 integers per task and 2 counters.
    func checkpointBytesPerSlot(taskCount: Int) -> Int {
        switch self {
        case .mt10: 500 * 4 * 4 + taskCount * 8 + 7 * 128 + 64
        case .gridworld: taskCount * 4 * 8 + 6 * 128 + 16
        }
    }
}
