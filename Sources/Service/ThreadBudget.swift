/// How many environment-stepping threads each run gets when the service trains several at once.
///
/// With N runs allowed at once on C cores every run gets max(1, C / N) threads (integer
/// division), so N full runs never ask for more threads than there are cores, and a single run
/// gets them all. A run whose config pins `env.workerThreads` (non-zero) keeps its own number.
/// The thread count never changes a run's numbers (the trainer steps slots in a fixed order
/// whatever the threads), only its speed.
public enum ThreadBudget {
    /// Threads for one run.
    ///
    /// - Parameters:
    ///   - cores: available cores (`ProcessInfo.activeProcessorCount`); values below 1 count as 1.
    ///   - maxConcurrent: runs trained at once; values below 1 count as 1.
    ///   - pinned: the config's `env.workerThreads`; 0 (the default) means "let the service choose".
    public static func environmentThreads(cores: Int, maxConcurrent: Int, pinned: Int = 0) -> Int {
        if pinned > 0 { return pinned }
        return max(1, max(1, cores) / max(1, maxConcurrent))
    }
}
