/// How `normAdv` standardises the advantages of a minibatch (`ppo.advantageNormalization`).
public enum AdvantageNormalization: String, Sendable, Codable, CaseIterable {
    /// Every sample by the mean and spread of its own task's samples in the minibatch, as the
    /// authors' MetaWorld PPO does. Global statistics let the tasks with large returns set the
    /// scale: a hard task's advantages then sit near one value (often all negative) and carry
    /// little policy gradient, exactly on the tasks a sampler moves samples to.
    case perTask
    /// The whole minibatch by one mean and standard deviation (CleanRL; the learner before the
    /// per-task option existed).
    case global
}

/// Which Adam optimisers train the actor and the critic (`ppo.optimizers`).
public enum ActorCriticOptimizers: String, Sendable, Codable, CaseIterable {
    /// Each network has its own Adam and its own gradient-norm clip, and each minibatch takes
    /// one policy step and one value step (the authors' code). The critic's gradient, which is
    /// large while returns are large, can then no longer use up the actor's clip budget.
    case separate
    /// One Adam over actor and critic with one global gradient-norm clip (CleanRL; the learner
    /// before the separate option existed).
    case joint
}
