import Testing
import Networks

@Suite struct VectorKernelsTests {
    /// Sizes that are not multiples of 16 exercise the scalar tails.
    @Test(arguments: [1, 15, 16, 37])
    func columnSumsMatchScalarLoop(columns: Int) {
        let rows = 5
        let matrix = TestData.matrix(rows: rows, columns: columns, seed: 51)
        var sums = [Float](repeating: 1, count: columns)
        VectorKernels.addColumnSums(matrix.pointer, rows: rows, columns: columns, into: &sums)
        for column in 0..<columns {
            var expected: Float = 1
            for row in 0..<rows { expected += matrix[row, column] }
            #expect(abs(sums[column] - expected) < 1e-5)
        }
    }

    @Test(arguments: [3, 16, 35])
    func reluAndItsBackward(count: Int) {
        let x = TestData.matrix(rows: 1, columns: count, seed: 52)
        x.pointer[0] = .nan
        let original = x.values
        VectorKernels.relu(x.pointer, count: count)
        #expect(x.pointer[0].isNaN)
        for index in 1..<count { #expect(x.pointer[index] == max(original[index], 0)) }
        var gradient = [Float](repeating: 2, count: count)
        VectorKernels.reluBackward(output: x.pointer, gradient: &gradient, count: count)
        #expect(gradient[0] == 0)
        for index in 1..<count { #expect(gradient[index] == (original[index] > 0 ? 2 : 0)) }
    }
}
