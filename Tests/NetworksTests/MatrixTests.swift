import Testing
import Networks

@Suite struct MatrixTests {
    @Test func holdsValuesRowMajor() throws {
        let matrix = try Matrix(rows: 2, columns: 3, values: [1, 2, 3, 4, 5, 6])
        #expect(matrix[1, 0] == 4)
        #expect(matrix.row(1)[2] == 6)
        #expect(matrix.values == [1, 2, 3, 4, 5, 6])
    }

    @Test func rejectsWrongValueCount() {
        #expect(throws: NetworksError.self) { try Matrix(rows: 2, columns: 2, values: [1, 2, 3]) }
    }

    @Test func emptyMatrixIsUsable() {
        let matrix = Matrix(rows: 0, columns: 5)
        #expect(matrix.count == 0)
        #expect(matrix.values.isEmpty)
        matrix.fill(3)
    }

    @Test func copyChecksShape() throws {
        let a = try Matrix(rows: 1, columns: 2, values: [1, 2])
        let b = Matrix(rows: 1, columns: 2)
        try b.copy(from: a)
        #expect(b.values == [1, 2])
        #expect(throws: NetworksError.self) { try b.copy(from: Matrix(rows: 2, columns: 1)) }
    }
}
