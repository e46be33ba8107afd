/// One task of the grid-world suite (the constant "model"): a 5 x 5 grid, a fixed start in the
/// bottom-left corner, a fixed goal in the bottom-right corner, and a vertical wall in the middle
/// column rising `wallLength` cells from the bottom edge. The agent must climb over the wall, so
/// each extra wall cell adds two steps to the shortest path: 4, 6, 8, 10 steps for tasks 0...3.
public struct GridTask: Sendable, Equatable {
    public static let rows = 5
    public static let columns = 5
    /// Cells on the grid (25).
    public static let cellCount = rows * columns
    /// Wall length per task of the standard suite; task 0 has no wall, task 3 the longest.
    public static let standardWallLengths = [0, 1, 2, 3]
    /// The four tasks, in task-id order.
    public static let standardSuite: [GridTask] = standardWallLengths.indices.map { GridTask(standardIndex: $0) }
    /// The standard suite's task names, in its order: `wall<length>` (what configs, metrics and
    /// reports call them; the one place they are written).
    public static let standardNames: [String] = standardWallLengths.map { "wall\($0)" }
    /// The column the wall stands in.
    public static let wallColumn = 2

    /// Task id: the position of the task's one-hot entry after the cell one-hot in the observation.
    public let index: Int
    /// Wall cells, counted from the bottom edge up the middle column.
    public let wallLength: Int
    public let start: GridCell
    public let goal: GridCell
    /// Bit `cell.index` is set for every wall cell; a bit mask keeps stepping free of allocation.
    let wallMask: UInt32

    private init(standardIndex: Int) {
        index = standardIndex
        wallLength = GridTask.standardWallLengths[standardIndex]
        start = GridCell(row: GridTask.rows - 1, column: 0)
        goal = GridCell(row: GridTask.rows - 1, column: GridTask.columns - 1)
        var mask: UInt32 = 0
        for offset in 0..<wallLength {
            mask |= 1 << GridCell(row: GridTask.rows - 1 - offset, column: GridTask.wallColumn).index
        }
        wallMask = mask
    }

    /// The standard task with id `index` (0...3).
    public static func standard(_ index: Int) throws(GridWorldError) -> GridTask {
        guard standardSuite.indices.contains(index) else {
            throw .unknownTask(index: index, taskCount: standardSuite.count)
        }
        return standardSuite[index]
    }

    /// Whether `cell` is a wall (cells off the grid are not walls; they are simply unreachable).
    public func isWall(_ cell: GridCell) -> Bool {
        cell.isOnGrid && wallMask & (1 << cell.index) != 0
    }

    /// Where a move from `cell` lands: moves into a wall or off the grid leave the agent in place.
    public func destination(from cell: GridCell, _ action: GridAction) -> GridCell {
        let next = cell.moved(action)
        return next.isOnGrid && !isWall(next) ? next : cell
    }

    /// Every wall cell, top to bottom.
    public var wallCells: [GridCell] {
        (0..<GridTask.cellCount).map { GridCell(row: $0 / GridTask.columns, column: $0 % GridTask.columns) }.filter(isWall)
    }
}
