import Testing
import TaskRewards
@testable import Manipulation

@Suite struct MT10SuiteTests {
    @Test func orderIsMetaWorldsOneHotOrder() {
        #expect(MT10Suite.order.map(\.rawValue) == [
            "reach-v3", "push-v3", "pick-place-v3", "door-open-v3", "drawer-open-v3", "drawer-close-v3",
            "button-press-topdown-v3", "peg-insert-side-v3", "window-open-v3", "window-close-v3",
        ])
        #expect(MT10Suite.order.map(\.mt10Index) == Array(0..<MT10Suite.taskCount))
    }

    @Test func builtTasksAreTheCatalogsInOrder() throws {
        let built = MT10Suite.builtTasks
        #expect(built == TaskCatalog.all.map { $0.task }.filter(\.isMT10))
        #expect(built.map(\.mt10Index!) == built.map(\.mt10Index!).sorted())
        #expect(built.count + MT10Suite.missingTasks.count == MT10Suite.taskCount)
        for task in built { #expect(try MT10Suite.oneHotIndex(of: task.rawValue) == task.mt10Index) }
        #expect(try MT10Suite.oneHotIndex(of: "peg-insert-side-v3") == 7)
    }

    @Test func missingAndUnknownTasksAreNamedInTheError() {
        for task in MT10Suite.missingTasks {
            #expect(throws: EnvironmentError.taskNotBuilt(name: task.rawValue, index: task.mt10Index!, built: MT10Suite.builtTasks.map(\.rawValue))) {
                try MT10Suite(suiteSeed: 1).makeEnvironment(task)
            }
            let message = EnvironmentError.taskNotBuilt(name: task.rawValue, index: task.mt10Index!, built: MT10Suite.builtTasks.map(\.rawValue)).description
            #expect(message.contains(task.rawValue) && message.contains("not simulated"))
        }
        #expect(throws: EnvironmentError.self) { try MT10Suite.oneHotIndex(of: "reach-v2") }
        #expect(throws: EnvironmentError.self) { try MT10Suite.oneHotIndex(of: "") }
        // An MT50 task, even one this build simulates, is not part of MT10.
        #expect(throws: EnvironmentError.self) { try MT10Suite.oneHotIndex(of: "button-press-v3") }
        #expect(throws: EnvironmentError.self) { try MT10Suite(suiteSeed: 1).makeEnvironment(.buttonPress) }
    }

    @Test func suiteSeedFixesFiftyDistinctLayoutsPerTask() throws {
        let suite = MT10Suite(suiteSeed: 42)
        for task in MT10Suite.builtTasks {
            let layouts = try suite.layouts(of: task)
            #expect(layouts.layouts.count == 50)
            #expect(Set(layouts.layouts).count == 50)
            #expect(try suite.layouts(of: task).layouts == layouts.layouts)
            #expect(try MT10Suite(suiteSeed: 43).layouts(of: task).layouts != layouts.layouts)
            let spec = try #require(TaskSpec.of(task))
            for layout in layouts.layouts {
                for i in layout.indices { #expect(layout[i] >= spec.layoutLow[i] && layout[i] <= spec.layoutHigh[i]) }
            }
        }
    }

    @Test func environmentsUseTheSuiteLayouts() throws {
        let suite = MT10Suite(suiteSeed: 5)
        let environments = try suite.makeEnvironments(seed: 3)
        #expect(environments.map(\.taskName) == MT10Suite.order.map(\.rawValue))
        for env in environments {
            let task = try MT10Suite.task(named: env.taskName)
            try env.reset(layoutIndex: 9)
            #expect(env.layout == (try suite.layouts(of: task)).layouts[9])
        }
    }
}
