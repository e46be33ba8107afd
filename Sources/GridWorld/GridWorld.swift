import RandomStreams

/// One episode's state in a grid-world task (the mutable "data" beside the constant `GridTask`),
/// the toy suite of the DRATS paper's illustrative experiment (docs/tasks.md, 'The grid worlds').
///
/// - Actions: 4 discrete moves, `GridAction` raw values 0 up, 1 right, 2 down, 3 left. A move into
///   a wall or off the grid leaves the agent in place. With `slipProbability` p > 0 the chosen move
///   is replaced, with probability p, by a uniformly random one drawn from the seeded generator.
/// - Reward: 1 on the step that enters the goal, which ends the episode (`terminated`); 0 otherwise.
/// - Horizon: after `horizonSteps` = 15 steps without reaching the goal the episode is `truncated`.
/// - Observation (`observationSize` = 29 values): entries 0..<25 one-hot of the agent's cell at
///   `row * 5 + column` (row 0 at the top), entries 25..<29 one-hot of the task id.
///
/// A continuous Gaussian policy drives it through a 4-entry action vector mapped with
/// `GridAction.argmax` by the trainer; the environment itself stays discrete.
/// `step`, `reset` and `writeObservation` allocate nothing.
public struct GridWorld: Sendable {
    public static let horizonSteps = 15
    public static let actionCount = GridAction.allCases.count
    public static let observationSize = GridTask.cellCount + GridTask.standardSuite.count

    public let task: GridTask
    /// Probability in 0...1 that a move is replaced by a random one; 0 (the default) makes every move exact.
    public let slipProbability: Double
    public internal(set) var agent: GridCell
    /// Steps taken in the current episode.
    public internal(set) var stepsTaken = 0
    /// Whether the episode has ended (goal reached or horizon hit); `reset()` starts the next one.
    public internal(set) var isDone = false
    var random: SplitMix64

    /// The standard task `taskIndex` (0...3), its episode generator seeded with `seed`.
    public init(taskIndex: Int, slipProbability: Double = 0, seed: UInt64 = 0) throws(GridWorldError) {
        guard slipProbability >= 0, slipProbability <= 1 else { throw .invalidSlipProbability(slipProbability) }
        task = try GridTask.standard(taskIndex)
        self.slipProbability = slipProbability
        agent = task.start
        random = SplitMix64(seed: seed)
    }

    /// Starts a new episode at the task's start cell. The generator continues, so successive
    /// episodes differ when slipping, and the whole run is reproducible from the seed.
    public mutating func reset() {
        agent = task.start
        stepsTaken = 0
        isDone = false
    }

    /// Moves the agent by discrete action `action` (0...3).
    public mutating func step(action: Int) throws(GridWorldError) -> GridStep {
        guard let move = GridAction(rawValue: action) else { throw .invalidAction(action) }
        guard !isDone else { throw .episodeOver(stepsTaken: stepsTaken) }
        var taken = move
        if slipProbability > 0, random.nextUnitInterval() < slipProbability {
            taken = GridAction(rawValue: Int(random.next() % UInt64(GridWorld.actionCount)))!
        }
        agent = task.destination(from: agent, taken)
        stepsTaken += 1
        let reachedGoal = agent == task.goal
        let outOfTime = !reachedGoal && stepsTaken >= GridWorld.horizonSteps
        isDone = reachedGoal || outOfTime
        return GridStep(reward: reachedGoal ? 1 : 0, terminated: reachedGoal, truncated: outOfTime, actionTaken: taken)
    }
}

/// The outcome of one `GridWorld.step`.
public struct GridStep: Sendable, Equatable {
    /// 1 when this step entered the goal, else 0.
    public var reward: Double
    /// The goal was reached: the episode ended and the value of the next state is 0.
    public var terminated: Bool
    /// The 15-step horizon ran out before the goal: the episode ended but bootstrapping is valid.
    public var truncated: Bool
    /// The move actually made (differs from the requested one only when it slipped).
    public var actionTaken: GridAction
}
