import TaskRewards

/// MetaWorld's MT10 benchmark on our tasks: the ten tasks in MetaWorld's order (a task's
/// position is its one-hot index for the learner) and a suite seed that fixes the 50 layouts of
/// every task, as `metaworld.MT10(seed:)` does. It lists only the tasks `TaskCatalog` simulates;
/// asking for any other MT10 task is an error naming it.
public struct MT10Suite: Sendable {
    /// The ten MT10 tasks in MetaWorld's order (= one-hot index order).
    public static let order: [MetaWorldTask] = MetaWorldTask.mt10
    public static let taskCount = 10
    /// The ten task names in MT10 order: what MT10 training uses unless told otherwise.
    public static let taskNames: [String] = order.map(\.rawValue)

    /// Fixes the 50 layouts of every task.
    public let suiteSeed: UInt64

    public init(suiteSeed: UInt64 = 0) { self.suiteSeed = suiteSeed }

    /// The MT10 tasks this build simulates, in MT10 order.
    public static var builtTasks: [MetaWorldTask] {
        let built = Set(TaskCatalog.all.map { $0.task })
        return order.filter { built.contains($0) }
    }

    /// The MT10 tasks this build does not simulate yet, in MT10 order.
    public static var missingTasks: [MetaWorldTask] {
        let built = Set(builtTasks)
        return order.filter { !built.contains($0) }
    }

    /// The MT10 task called `name` ("reach-v3", ...), if this build simulates it.
    public static func task(named name: String) throws(EnvironmentError) -> MetaWorldTask {
        guard let task = MetaWorldTask(rawValue: name), task.isMT10 else {
            throw .unknownTask(name: name, valid: order.map(\.rawValue))
        }
        try requireBuilt(task)
        return task
    }

    /// The one-hot index of the task called `name`.
    public static func oneHotIndex(of name: String) throws(EnvironmentError) -> Int {
        try task(named: name).mt10Index!
    }

    static func requireBuilt(_ task: MetaWorldTask) throws(EnvironmentError) {
        guard task.isMT10 else { throw .unknownTask(name: task.rawValue, valid: order.map(\.rawValue)) }
        guard TaskCatalog.all.contains(where: { $0.task == task }) else {
            throw .taskNotBuilt(name: task.rawValue, index: task.mt10Index!, built: builtTasks.map(\.rawValue))
        }
    }

    /// The 50 fixed layouts of `task` under this suite seed.
    public func layouts(of task: MetaWorldTask) throws(EnvironmentError) -> LayoutTable {
        try Self.requireBuilt(task)
        return LayoutTable(task: try TaskCatalog.task(named: task.rawValue), suiteSeed: suiteSeed)
    }

    /// An environment for `task` on this suite's layouts; `seed` drives its layout choice.
    public func makeEnvironment(
        _ task: MetaWorldTask, layoutMode: ManipulationEnvironment.LayoutMode = .suite, seed: UInt64 = 0,
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
            environments.append(try makeEnvironment(task, seed: seed &+ UInt64(task.mt10Index!)))
        }
        return environments
    }
}
