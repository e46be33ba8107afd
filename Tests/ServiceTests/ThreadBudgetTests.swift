import Service
import Testing

@Suite struct ThreadBudgetTests {
    @Test func coresAreSharedOutAndEveryRunGetsAtLeastOne() {
        #expect(ThreadBudget.environmentThreads(cores: 8, maxConcurrent: 1) == 8)
        #expect(ThreadBudget.environmentThreads(cores: 8, maxConcurrent: 2) == 4)
        #expect(ThreadBudget.environmentThreads(cores: 8, maxConcurrent: 3) == 2)
        #expect(ThreadBudget.environmentThreads(cores: 2, maxConcurrent: 4) == 1)
        #expect(ThreadBudget.environmentThreads(cores: 0, maxConcurrent: 0) == 1)
        #expect(ThreadBudget.environmentThreads(cores: -3, maxConcurrent: 2) == 1)
        // N runs at their budget never ask for more threads than there are cores.
        for cores in 1...16 {
            for runs in 1...cores {
                #expect(ThreadBudget.environmentThreads(cores: cores, maxConcurrent: runs) * runs <= cores)
            }
        }
    }

    @Test func aPinnedConfigKeepsItsOwnThreadCount() {
        #expect(ThreadBudget.environmentThreads(cores: 8, maxConcurrent: 4, pinned: 6) == 6)
        #expect(ThreadBudget.environmentThreads(cores: 8, maxConcurrent: 4, pinned: 0) == 2)
    }
}
