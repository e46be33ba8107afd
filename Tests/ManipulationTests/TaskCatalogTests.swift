import Testing
import TaskRewards
@testable import Manipulation

/// The catalogue is the list of tasks this build simulates: each has its constants, its reward,
/// a scripted controller and a unique MetaWorld name; MT10's come first in MT10 order, then the
/// MT50 tasks built so far in MT50 order.
@Suite struct TaskCatalogTests {
    @Test func everyCatalogTaskHasSpecRewardAndController() {
        for scene in TaskCatalog.all {
            #expect(TaskSpec.of(scene.task) != nil, "\(scene.name): no spec")
            #expect(RewardFunctions.hasReward(scene.task), "\(scene.name): no reward")
            #expect(scriptedController(for: scene.name) != nil, "\(scene.name): no scripted controller")
        }
        #expect(Set(TaskCatalog.names).count == TaskCatalog.all.count)
    }

    @Test func orderIsMT10ThenMT50() {
        let tasks = TaskCatalog.all.map { $0.task }
        #expect(Array(tasks.prefix(10)) == MetaWorldTask.mt10)
        let rest = tasks.dropFirst(10).map(\.mt50Index)
        #expect(rest == rest.sorted())
        #expect(tasks.dropFirst(10).allSatisfy { !$0.isMT10 })
    }

    @Test func tasksWithoutAFamilyYetAreNotBuilt() {
        // A task may have its constants and reward (TaskRewards) before its scene is built, but
        // until its scene is in the catalogue it is refused by name, listing what is built.
        let unbuilt = MetaWorldTask.allCases.filter { task in !TaskCatalog.all.contains { $0.task == task } }
        for task in unbuilt {
            #expect(throws: EnvironmentError.unknownTask(name: task.rawValue, valid: TaskCatalog.names)) {
                try ManipulationEnvironment(task: task.rawValue)
            }
        }
    }
}
