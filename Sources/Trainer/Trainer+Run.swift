extension Trainer {
    /// Trains until the run has taken `totalSteps` environment steps or `report` returns false.
    /// After each iteration, `report` gets its metrics and, when the iteration crossed a multiple
    /// of `config.evaluationIntervalSteps`, a deterministic evaluation (otherwise nil).
    public func train(totalSteps: Int, report: (IterationMetrics, EvaluationResult?) -> Bool) throws(TrainerError) {
        while globalStep < totalSteps {
            let stepsBefore = globalStep
            let metrics = try iterate()
            var evaluation: EvaluationResult?
            if let interval = config.evaluationIntervalSteps, globalStep / interval > stepsBefore / interval {
                evaluation = try evaluate()
            }
            guard report(metrics, evaluation) else { return }
        }
    }
}
