import Testing
import Networks

@Suite struct TaskGroupingTests {
    @Test func groupsStablyWithEmptyTasks() throws {
        let grouping = TaskGrouping(taskCount: 4, capacity: 8)
        let tasks: [Int32] = [2, 0, 2, 3, 0, 2]
        try tasks.withUnsafeBufferPointer { try grouping.group(tasks: $0.baseAddress!, count: $0.count) }
        #expect(grouping.rows == 6)
        #expect((0..<6).map { grouping.order[$0] } == [1, 4, 0, 2, 5, 3])
        #expect(grouping.segment(0) == 0..<2)
        #expect(grouping.segment(1).isEmpty)
        #expect(grouping.segment(2) == 2..<5)
        #expect(grouping.segment(3) == 5..<6)
    }

    @Test func emptyBatchHasEmptySegments() throws {
        let grouping = TaskGrouping(taskCount: 3, capacity: 4)
        let tasks: [Int32] = [1]
        try tasks.withUnsafeBufferPointer { try grouping.group(tasks: $0.baseAddress!, count: 0) }
        #expect(grouping.rows == 0)
        #expect((0..<3).allSatisfy { grouping.segment($0).isEmpty })
    }

    @Test func rejectsBadTaskIdsAndOverCapacity() {
        let grouping = TaskGrouping(taskCount: 3, capacity: 2)
        let bad: [Int32] = [0, 3]
        #expect(throws: NetworksError.self) { try bad.withUnsafeBufferPointer { try grouping.group(tasks: $0.baseAddress!, count: 2) } }
        let negative: [Int32] = [-1]
        #expect(throws: NetworksError.self) { try negative.withUnsafeBufferPointer { try grouping.group(tasks: $0.baseAddress!, count: 1) } }
        let many: [Int32] = [0, 1, 2]
        #expect(throws: NetworksError.self) { try many.withUnsafeBufferPointer { try grouping.group(tasks: $0.baseAddress!, count: 3) } }
    }
}
