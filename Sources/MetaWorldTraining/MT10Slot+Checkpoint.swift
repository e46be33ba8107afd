import TaskRewards
import Manipulation
import Trainer

extension MT10Slot {
    /// How the slot's current episode began.
    enum EpisodeStart: Equatable {
        /// No episode yet.
        case none
        /// A training reset, with the task environment's layout generator just before it.
        case training(layoutGeneratorState: UInt64)
        /// An evaluation reset on a fixed layout.
        case evaluation(layoutIndex: Int)
    }

    /// The slot's state as arrays. The physics is not saved: the episode is saved as how it began
    /// and the actions applied since, and `restore` replays them (ODE's exact solver and the
    /// controller are deterministic, so the bodies, the previous-frame observation part and the
    /// step count come out bit-identical).
    ///
    /// Integers: `task`; `episode_start` = [0, 0] (no episode), [1, generator state bit pattern]
    /// (training reset), [2, layout index] (evaluation reset); `layout_generators`, each task
    /// environment's current generator state; `layout_mode` (0 suite, 1 random); `fault_count`;
    /// `invalid_action_count`. Floats: `episode_actions`, [steps x 4] row-major.
    public func checkpointState() throws -> SlotState {
        guard episodeStepCount <= ManipulationEnvironment.maxEpisodeSteps else {
            throw SlotStateError.invalid(name: "episode_actions", reason: "the episode has \(episodeStepCount) steps, more than the "
                + "\(ManipulationEnvironment.maxEpisodeSteps) the slot records; reset it before saving")
        }
        let start: [Int64] = switch episodeStart {
        case .none: [0, 0]
        case .training(let generator): [1, Int64(bitPattern: generator)]
        case .evaluation(let layoutIndex): [2, Int64(layoutIndex)]
        }
        return SlotState(
            integers: [
                "task": [Int64(task)],
                "episode_start": start,
                "layout_generators": environments.map { Int64(bitPattern: $0.layoutGeneratorState) },
                "layout_mode": [Self.code(of: environments[0].layoutMode)],
                "fault_count": [Int64(faultCount)],
                "invalid_action_count": [Int64(invalidActionCount)],
            ],
            floats: ["episode_actions": Array(episodeActions[0..<(episodeStepCount * Self.actionCount)])])
    }

    /// Rebuilds the saved episode: sets the task environment's generator back, resets it the
    /// way the episode began, replays the saved actions, then sets every environment's generator
    /// and the counters. Checks every array before changing anything.
    public func restore(from state: SlotState, observation: UnsafeMutableBufferPointer<Float>) throws {
        let task = Int(try state.integer("task"))
        guard environments.indices.contains(task) else {
            throw SlotStateError.invalid(name: "task", reason: "task \(task) is not one of 0..<\(environments.count)")
        }
        guard observation.count == Self.observationCount else {
            throw MetaWorldTrainingError.bufferSize(name: "observation", expected: Self.observationCount, actual: observation.count)
        }
        let start = try state.integers("episode_start", count: 2)
        let generators = try state.integers("layout_generators", count: environments.count).map { UInt64(bitPattern: $0) }
        let mode = try state.integer("layout_mode")
        guard mode == Self.code(of: environments[0].layoutMode) else {
            throw SlotStateError.invalid(name: "layout_mode", reason: "it was saved by a slot in layout mode \(mode) (0 suite, 1 random); "
                + "this slot uses \(Self.code(of: environments[0].layoutMode))")
        }
        let faults = try state.integer("fault_count"), invalidActions = try state.integer("invalid_action_count")
        guard faults >= 0, invalidActions >= 0 else {
            throw SlotStateError.invalid(name: faults < 0 ? "fault_count" : "invalid_action_count", reason: "counts are 0 or more")
        }
        let actions = try state.floats("episode_actions")
        let maxSteps = ManipulationEnvironment.maxEpisodeSteps
        guard actions.count % Self.actionCount == 0, actions.count / Self.actionCount <= maxSteps else {
            throw SlotStateError.wrongLength(name: "episode_actions", expected: "a multiple of 4, at most \(maxSteps * Self.actionCount)", actual: actions.count)
        }
        guard actions.allSatisfy(\.isFinite) else {
            throw SlotStateError.invalid(name: "episode_actions", reason: "the slot applies finite actions only")
        }
        let steps = actions.count / Self.actionCount
        let restoredStart: EpisodeStart
        switch start[0] {
        case 0 where steps == 0: restoredStart = .none
        case 1: restoredStart = .training(layoutGeneratorState: UInt64(bitPattern: start[1]))
        case 2 where (0..<LayoutTable.layoutsPerTask).contains(Int(start[1])): restoredStart = .evaluation(layoutIndex: Int(start[1]))
        default:
            throw SlotStateError.invalid(name: "episode_start", reason: "\(start) is not [0, 0], [1, generator state] or [2, layout index 0..<\(LayoutTable.layoutsPerTask)] "
                + "(with \(steps) saved steps)")
        }

        let environment = environments[task]
        switch restoredStart {
        case .none: break
        case .training(let generator):
            environment.layoutGeneratorState = generator
            environment.reset()
            guard environment.layoutGeneratorState == generators[task] else {
                throw SlotStateError.replayDiverged("the reset left task \(task)'s layout generator at \(environment.layoutGeneratorState), not the saved \(generators[task])")
            }
        case .evaluation(let layoutIndex):
            try environment.reset(layoutIndex: layoutIndex)
        }
        for step in 0..<steps {
            let row = step * Self.actionCount
            let command = SIMD4<Double>(Double(actions[row]), Double(actions[row + 1]), Double(actions[row + 2]), Double(actions[row + 3]))
            let outcome = try environment.step(command)
            if outcome.fault != nil && step + 1 < steps {
                throw SlotStateError.replayDiverged("step \(step + 1) of \(steps) faulted (\(outcome.fault!)), which ends an episode")
            }
        }
        for (environment, generator) in zip(environments, generators) { environment.layoutGeneratorState = generator }
        _ = episodeActions.update(fromContentsOf: actions)
        episodeStepCount = steps
        episodeStart = restoredStart
        faultCount = Int(faults)
        invalidActionCount = Int(invalidActions)
        self.task = task
        write(observation)
    }

    private static func code(of mode: ManipulationEnvironment.LayoutMode) -> Int64 {
        switch mode {
        case .suite: 0
        case .random: 1
        }
    }
}
