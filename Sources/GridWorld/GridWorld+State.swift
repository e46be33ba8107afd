import RandomStreams

extension GridWorld {
    /// Everything a grid world changes while it runs, for checkpoints: restoring it continues
    /// the episode and the slip draws exactly.
    public struct State: Sendable, Equatable {
        /// The agent's cell.
        public var agent: GridCell
        public var stepsTaken: Int
        public var isDone: Bool
        /// The slip generator's state (SplitMix64).
        public var generatorState: UInt64

        public init(agent: GridCell, stepsTaken: Int, isDone: Bool, generatorState: UInt64) {
            self.agent = agent
            self.stepsTaken = stepsTaken
            self.isDone = isDone
            self.generatorState = generatorState
        }
    }

    /// The world's current state.
    public var state: State {
        State(agent: agent, stepsTaken: stepsTaken, isDone: isDone, generatorState: random.state)
    }

    /// Continues from `state`; refuses a cell off the grid or in a wall and a step count outside
    /// 0...horizonSteps, leaving the world unchanged.
    public mutating func restore(_ state: State) throws(GridWorldError) {
        guard state.agent.isOnGrid, !task.isWall(state.agent) else {
            throw .invalidState("agent cell \(state.agent) is off the grid or in a wall of task \(task.index)")
        }
        guard (0...Self.horizonSteps).contains(state.stepsTaken) else {
            throw .invalidState("steps taken \(state.stepsTaken) is outside 0...\(Self.horizonSteps)")
        }
        agent = state.agent
        stepsTaken = state.stepsTaken
        isDone = state.isDone
        random = SplitMix64(seed: state.generatorState)
    }
}
