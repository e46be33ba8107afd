import TaskRewards

/// MetaWorld's MT10 benchmark on our tasks: the ten tasks in MetaWorld's order (a task's
/// position is its one-hot index for the learner) and a suite seed that fixes the 50 layouts of
/// every task, as `metaworld.MT10(seed:)` does. It lists only the tasks `TaskCatalog` simulates;
/// asking for any other MT10 task is an error naming it.
public struct MT10Suite: Sendable {
    /// The ten MT10 tasks in MetaWorld's order (= one-hot index order).
    public static let order: [MT10Task] = MT10Task.allCases.sorted { $0.index < $1.index }
    public static let taskCount = 10

    /// Fixes the 50 layouts of every task.
    public let suiteSeed: UInt64

    public init(suiteSeed: UInt64 = 0) { self.suiteSeed = suiteSeed }

    /// The MT10 tasks this build simulates, in MT10 order.
    public static var builtTasks: [MT10Task] {
        let built = Set(TaskCatalog.all.map { $0.task })
        return order.filter { built.contains($0) }
    }

    /// The MT10 tasks this build does not simulate yet, in MT10 order.
    public static var missingTasks: [MT10Task] {
        let built = Set(builtTasks)
        return order.filter { !built.contains($0) }
    }

    /// The MT10 task called `name` ("reach-v3", ...), if this build simulates it.
    public static func task(named name: String) throws(EnvironmentError) -> MT10Task {
        guard let task = MT10Task(rawValue: name) else {
            throw .unknownTask(name: name, valid: order.map(\.rawValue))
        }
        try requireBuilt(task)
        return task
    }

    /// The one-hot index of the task called `name`.
    public static func oneHotIndex(of name: String) throws(EnvironmentError) -> Int {
        try task(named: name).index
    }

    static func requireBuilt(_ task: MT10Task) throws(EnvironmentError) {
        guard TaskCatalog.all.contains(where: { $0.task == task }) else {
            throw .taskNotBuilt(name: task.rawValue, index: task.index, built: builtTasks.map(\.rawValue))
        }
    }

    /// The 50 fixed layouts of `task` under this suite seed.
    public func layouts(of task: MT10Task) throws(EnvironmentError) -> LayoutTable {
        try Self.requireBuilt(task)
        return LayoutTable(task: try TaskCatalog.task(named: task.rawValue), suiteSeed: suiteSeed)
    }

    /// An environment for `task` on this suite's layouts; `seed` drives its layout choice.
    public func makeEnvironment(
        _ task: MT10Task, layoutMode: ManipulationEnvironment.LayoutMode = .suite, seed: UInt64 = 0,
        calibration: SawyerCalibration = SawyerCalibration()
    ) throws(EnvironmentError) -> ManipulationEnvironment {
        try Self.requireBuilt(task)
        return try ManipulationEnvironment(
            task: task.rawValue, suiteSeed: suiteSeed, layoutMode: layoutMode, seed: seed, calibration: calibration)
    }

    /// One environment per built task, in MT10 order. Environment `i` uses `seed + i` so the
    /// tasks' layout choices are independent.
    public func makeEnvironments(seed: UInt64 = 0) throws(EnvironmentError) -> [ManipulationEnvironment] {
        var environments: [ManipulationEnvironment] = []
        for task in Self.builtTasks {
            environments.append(try makeEnvironment(task, seed: seed &+ UInt64(task.index)))
        }
        return environments
    }
}
