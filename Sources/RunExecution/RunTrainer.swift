import PPO
import SafeTensors
import Samplers
import Trainer

/// What the executor and `eval` need of a trainer, whatever its environment slots: the
/// iteration, the evaluation, the counters and the checkpoint.
protocol RunTrainer: AnyObject {
    var config: TrainerConfig { get }
    var taskNames: [String] { get }
    var agent: PPOAgent { get }
    var sampler: TaskSampler { get }
    var iteration: Int { get }
    var globalStep: Int { get }
    var abortCheck: (() -> Bool)? { get set }
    func iterate() throws(TrainerError) -> IterationMetrics
    func evaluate() throws(TrainerError) -> EvaluationResult
    func checkpointFile(metadata: [String: String]) throws(TrainerError) -> SafeTensorsFile
    func restore(from file: SafeTensorsFile, path: String) throws(TrainerError)
}

extension Trainer: RunTrainer {}
