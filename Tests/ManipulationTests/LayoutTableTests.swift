import TaskRewards
import Testing
@testable import Manipulation

@Suite struct LayoutTableTests {
    @Test func suiteSeedFixesFiftyDistinctValidLayouts() {
        for task in TaskCatalog.all {
            let table = LayoutTable(task: task, suiteSeed: 42)
            #expect(table.layouts.count == 50)
            #expect(Set(table.layouts.map { $0.description }).count == 50)
            for layout in table.layouts {
                let accepted = !task.spec.rejects(layout)
                let low = task.spec.layoutLow, high = task.spec.layoutHigh
                #expect(accepted)
                for i in layout.indices { #expect(layout[i] >= low[i] && layout[i] <= high[i]) }
            }
            #expect(LayoutTable(task: task, suiteSeed: 42).layouts == table.layouts)
            #expect(LayoutTable(task: task, suiteSeed: 43).layouts != table.layouts)
        }
    }

    @Test func resetsPickLayoutsBySeedOrDrawFreshOnes() throws {
        let env = try ManipulationEnvironment(task: "reach-v3", suiteSeed: 5)
        let obs = env.reset(seed: 53)
        #expect(env.layoutIndex == 3)
        #expect(Array(obs[36..<39]) == Array(env.layouts.layouts[3][3..<6]))
        env.layoutMode = .random
        let a = env.reset(seed: 1000), b = env.reset(seed: 1000), c = env.reset(seed: 1001)
        #expect(a == b)
        #expect(a != c)
        #expect(env.layoutIndex == nil)
        #expect(throws: EnvironmentError.layoutIndexOutOfRange(index: 50, count: 50)) { try env.reset(layoutIndex: 50) }
    }
}
