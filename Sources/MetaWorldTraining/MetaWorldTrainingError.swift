import Manipulation
import Trainer

/// Why an MT10 slot or training run could not be built or driven, with what would be valid.
public enum MetaWorldTrainingError: Error, CustomStringConvertible {
    /// No task names were given.
    case noTasks
    /// A task name appears more than once.
    case duplicateTask(name: String)
    /// A task name the simulator does not know, or a model that failed to build.
    case environment(task: String, EnvironmentError)
    /// `reset` was asked for a task index the slot does not hold.
    case taskOutOfRange(task: Int, taskCount: Int)
    /// An observation or action buffer of the wrong length.
    case bufferSize(name: String, expected: Int, actual: Int)
    /// The trainer refused the setup or failed while running.
    case training(TrainerError)

    public var description: String {
        switch self {
        case .noTasks:
            "no tasks given; name at least one of: \(TaskCatalog.names.joined(separator: ", "))"
        case .duplicateTask(let name):
            "task '\(name)' is listed more than once; list each task once"
        case let .environment(task, error):
            "environment for task '\(task)': \(error.description)"
        case let .taskOutOfRange(task, taskCount):
            "task index \(task) does not exist; this slot holds tasks 0..<\(taskCount)"
        case let .bufferSize(name, expected, actual):
            "\(name) buffer holds \(actual) values; it must hold \(expected)"
        case .training(let error):
            error.description
        }
    }
}
