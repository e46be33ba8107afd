/// A square of the grid: row 0 is the top row, column 0 the left column.
public struct GridCell: Hashable, Sendable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Row-major index, `row * columns + column`: the position of this cell's one-hot entry in the observation.
    public var index: Int { row * GridTask.columns + column }

    /// Whether the cell lies on the grid.
    public var isOnGrid: Bool { (0..<GridTask.rows).contains(row) && (0..<GridTask.columns).contains(column) }

    /// The neighbouring cell in `action`'s direction (possibly off the grid).
    public func moved(_ action: GridAction) -> GridCell {
        switch action {
        case .up: GridCell(row: row - 1, column: column)
        case .right: GridCell(row: row, column: column + 1)
        case .down: GridCell(row: row + 1, column: column)
        case .left: GridCell(row: row, column: column - 1)
        }
    }

    public var description: String { "(row \(row), column \(column))" }
}
