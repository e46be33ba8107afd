import Networks
import WorkerThreads

/// The forward passes of one rollout inference call as two pieces of work, the actor's and the
/// critic's, so a `WorkerPool` can run them on two cores at once. Each piece writes only its own
/// workspace; with one part, the caller's thread runs both.
final class RolloutForward: PartitionedWork {
    private let policy: GaussianPolicy
    private let policyWorkspace: GaussianPolicy.Workspace
    private let critic: ValueNetwork
    private let criticWorkspace: ValueNetwork.Workspace
    private let observations: Matrix
    private let grouping: TaskGrouping

    init(policy: GaussianPolicy, policyWorkspace: GaussianPolicy.Workspace, critic: ValueNetwork,
         criticWorkspace: ValueNetwork.Workspace, observations: Matrix, grouping: TaskGrouping) {
        self.policy = policy
        self.policyWorkspace = policyWorkspace
        self.critic = critic
        self.criticWorkspace = criticWorkspace
        self.observations = observations
        self.grouping = grouping
    }

    func runPart(_ part: Int, of parts: Int) {
        if part == 0 {
            policy.forward(observations: observations.pointer, grouping: grouping, workspace: policyWorkspace)
        }
        if part == 1 || parts == 1 {
            critic.forward(observations: observations.pointer, grouping: grouping, workspace: criticWorkspace)
        }
    }
}
