/// What the sampler knows about one task (docs/samplers.md, 'Gap and target'): the returns of the
/// current window, the means of the last two closed windows, the running maximum return, the recent
/// success flags and whether the target has switched to the running maximum.
public struct TaskRecord: Codable, Equatable, Sendable {
    /// Sum and count of the returns of episodes finished since the last sampler update.
    public private(set) var openWindowReturnSum: Double = 0
    public private(set) var openWindowEpisodeCount: Int = 0
    /// Mean return of the window closed at the last update; 0 when it had no episode, so that a
    /// task nobody played counts as furthest from its target (gap 1).
    public private(set) var windowMeanReturn: Double = 0
    /// Number of episodes in the window closed at the last update.
    public private(set) var windowEpisodeCount: Int = 0
    /// Mean return of the window closed at the update before (Learning Progress compares the two).
    public private(set) var previousWindowMeanReturn: Double = 0
    /// Highest training-episode return seen so far; nil before the first episode.
    public private(set) var runningMaxReturn: Double? = nil
    /// Set once the success rate exceeded the switch threshold; never cleared: from then on the
    /// target follows the running maximum for the rest of the run.
    public private(set) var targetTracksRunningMax = false
    /// Success flags of the most recent episodes, a ring of at most `successWindowEpisodes` entries.
    public private(set) var recentSuccesses: [Bool] = []
    /// Where the next flag is written once the ring is full.
    public private(set) var recentSuccessesNextIndex = 0
    /// Every finished episode ever observed for this task.
    public private(set) var totalEpisodeCount = 0

    public init() {}

    /// Success rate over the last `successWindowEpisodes` episodes (or all of them while fewer
    /// have finished); nil before the first episode.
    public var successRate: Double? {
        guard !recentSuccesses.isEmpty else { return nil }
        var successes = 0
        for flag in recentSuccesses where flag { successes += 1 }
        return Double(successes) / Double(recentSuccesses.count)
    }

    /// Success rate over exactly the last `successWindowEpisodes` episodes; nil until that many
    /// have finished. The target switch and Learning Progress's mastered test use it
    /// (docs/samplers.md, '"Mastered" and the target switch need a full history'; the authors'
    /// full-length deque): three lucky episodes out of three must not switch a target or retire a
    /// task.
    public func fullWindowSuccessRate(successWindowEpisodes: Int) -> Double? {
        guard recentSuccesses.count >= successWindowEpisodes else { return nil }
        return successRate
    }

    /// The return the task is asked to reach: `maxReturn` until the switch, then the running maximum.
    public func target(maxReturn: Double) -> Double {
        if targetTracksRunningMax, let runningMaxReturn { return runningMaxReturn }
        return maxReturn
    }

    /// gap = (target - window mean return) / target. Divided by |target| (and by 1 when the target
    /// is 0) so a running maximum at or below 0 (negative rewards) still gives a gap with the
    /// same sign as "below target".
    public func gap(maxReturn: Double) -> Double {
        let target = target(maxReturn: maxReturn)
        let scale = abs(target) > 1e-12 ? abs(target) : 1
        return (target - windowMeanReturn) / scale
    }

    /// Records one finished training episode; switches the target the moment the success rate
    /// over a full window of `successWindowEpisodes` exceeds `switchSuccessRate` (strictly).
    mutating func record(episodeReturn: Double, success: Bool, successWindowEpisodes: Int, switchSuccessRate: Double) {
        openWindowReturnSum += episodeReturn
        openWindowEpisodeCount += 1
        totalEpisodeCount += 1
        runningMaxReturn = max(runningMaxReturn ?? episodeReturn, episodeReturn)
        if recentSuccesses.count < successWindowEpisodes {
            recentSuccesses.append(success)
        } else {
            recentSuccesses[recentSuccessesNextIndex] = success
            recentSuccessesNextIndex = (recentSuccessesNextIndex + 1) % successWindowEpisodes
        }
        if !targetTracksRunningMax, let rate = fullWindowSuccessRate(successWindowEpisodes: successWindowEpisodes),
           rate > switchSuccessRate {
            targetTracksRunningMax = true
        }
    }

    /// Ends the current window at a sampler update: its mean becomes the window mean return.
    mutating func closeWindow() {
        previousWindowMeanReturn = windowMeanReturn
        windowEpisodeCount = openWindowEpisodeCount
        windowMeanReturn = openWindowEpisodeCount > 0 ? openWindowReturnSum / Double(openWindowEpisodeCount) : 0
        openWindowReturnSum = 0
        openWindowEpisodeCount = 0
    }

    /// Nil if the record fits a success window of `successWindowEpisodes`, else what is wrong.
    func inconsistency(successWindowEpisodes: Int) -> String? {
        if recentSuccesses.count > successWindowEpisodes {
            return "\(recentSuccesses.count) success flags exceed successWindowEpisodes \(successWindowEpisodes)"
        }
        if recentSuccessesNextIndex < 0 || recentSuccessesNextIndex >= max(recentSuccesses.count, 1) {
            return "success ring index \(recentSuccessesNextIndex) is outside 0..<\(recentSuccesses.count)"
        }
        if openWindowEpisodeCount < 0 || windowEpisodeCount < 0 || totalEpisodeCount < 0 {
            return "negative episode count"
        }
        let values = [openWindowReturnSum, windowMeanReturn, previousWindowMeanReturn]
        if values.contains(where: { !$0.isFinite }) || (runningMaxReturn.map { !$0.isFinite } ?? false) {
            return "non-finite return statistic"
        }
        return nil
    }
}
