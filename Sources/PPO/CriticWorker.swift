import Foundation
import Networks

/// A thread that runs the critic's rollout forward pass while the caller runs the actor's, so
/// one rollout inference call uses two cores. Hand-off is by two semaphores over buffers fixed
/// at construction: no allocation and no closure per call.
final class CriticWorker: @unchecked Sendable {
    private let start = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private let critic: ValueNetwork
    private let workspace: ValueNetwork.Workspace
    private let observations: Matrix
    private let grouping: TaskGrouping
    // Written before `start.signal()`, read after `start.wait()`: the semaphore orders them.
    private var stopping = false

    init(critic: ValueNetwork, workspace: ValueNetwork.Workspace, observations: Matrix, grouping: TaskGrouping) {
        self.critic = critic
        self.workspace = workspace
        self.observations = observations
        self.grouping = grouping
        let thread = Thread { [self] in run() }
        thread.name = "drats.critic-inference"
        thread.start()
    }

    private func run() {
        while true {
            start.wait()
            if stopping {
                done.signal()
                return
            }
            critic.forward(observations: observations.pointer, grouping: grouping, workspace: workspace)
            done.signal()
        }
    }

    /// Starts the critic pass on the worker thread (the inputs must be ready).
    func begin() { start.signal() }

    /// Waits until the critic pass started by `begin()` has finished.
    func finish() { done.wait() }

    /// Ends the thread; the worker cannot be used afterwards.
    func stop() {
        stopping = true
        start.signal()
        done.wait()
    }
}
