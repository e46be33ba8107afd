extension GridTask {
    /// A shortest action sequence from `start` to `goal`, found by breadth-first search over the
    /// deterministic moves (no slip); nil if the goal cannot be reached.
    public func shortestPath() -> [GridAction]? {
        var previous = [(cell: Int, action: GridAction)?](repeating: nil, count: GridTask.cellCount)
        var visited = [Bool](repeating: false, count: GridTask.cellCount)
        var queue = [start]
        visited[start.index] = true
        var head = 0
        while head < queue.count {
            let cell = queue[head]
            head += 1
            if cell == goal { break }
            for action in GridAction.allCases {
                let next = destination(from: cell, action)
                guard !visited[next.index] else { continue }
                visited[next.index] = true
                previous[next.index] = (cell.index, action)
                queue.append(next)
            }
        }
        guard visited[goal.index] else { return nil }
        var actions: [GridAction] = []
        var index = goal.index
        while let step = previous[index] {
            actions.append(step.action)
            index = step.cell
        }
        return actions.reversed()
    }

    /// The fewest steps from start to goal (BFS), or nil if unreachable.
    public var optimalPathLength: Int? { shortestPath()?.count }
}
