import Networks

/// The learner's Adam optimisers, laid out as `ppo.optimizers` says: one over actor and critic
/// (`joint`), or one per network (`separate`), each clipping its own gradient norm. With one
/// shared clip, a critic regressing returns in the hundreds has a gradient norm far above the
/// actor's, so clipping the sum to `maxGradNorm` shrinks the actor's step to almost nothing;
/// separate clips keep each network's step its own.
public final class ActorCriticAdam {
    public let layout: ActorCriticOptimizers
    /// `joint`: the one Adam over actor then critic parameters; `separate`: the actor's, then
    /// the critic's.
    public let adams: [Adam]
    let actorParameters: [Parameter]
    let criticParameters: [Parameter]

    init(actor: [Parameter], critic: [Parameter], config: PPOConfig) {
        layout = config.optimizers
        actorParameters = actor
        criticParameters = critic
        switch config.optimizers {
        case .joint:
            adams = [Adam(parameters: actor + critic, learningRate: config.learningRate, epsilon: config.adamEpsilon)]
        case .separate:
            adams = [Adam(parameters: actor, learningRate: config.learningRate, epsilon: config.adamEpsilon),
                     Adam(parameters: critic, learningRate: config.learningRate, epsilon: config.adamEpsilon)]
        }
    }

    /// Every parameter of actor and critic, the actor's first.
    public var parameters: [Parameter] { actorParameters + criticParameters }

    /// Sets every gradient to zero.
    public func zeroGradients() {
        for adam in adams { adam.parameters.forEach { $0.zeroGradient() } }
    }

    /// The L2 norm of all gradients of actor and critic together.
    public func gradientNorm() -> Double { Adam.gradientNorm(of: parameters) }

    /// Measures the gradient norms, then clips each optimiser's gradients to `maxNorm`.
    func clipGradients(maxNorm: Double) -> GradientNorms {
        switch layout {
        case .joint:
            // Measured before the clip rescales them; the joint norm is the clip's own.
            let actor = Adam.gradientNorm(of: actorParameters), critic = Adam.gradientNorm(of: criticParameters)
            return GradientNorms(actor: actor, critic: critic, total: adams[0].clipGradientNorm(maxNorm: maxNorm))
        case .separate:
            let actor = adams[0].clipGradientNorm(maxNorm: maxNorm), critic = adams[1].clipGradientNorm(maxNorm: maxNorm)
            return GradientNorms(actor: actor, critic: critic, total: (actor * actor + critic * critic).squareRoot())
        }
    }

    /// One Adam step of every optimiser: a policy step and a value step.
    func step() {
        for adam in adams { adam.update() }
    }

    /// Optimisation steps taken, one per optimiser (`adams`' order).
    public var steps: [Int] { adams.map(\.step) }

    /// The checkpoint metadata keys of the optimisers' step counts, in `adams`' order:
    /// `adam_step` for the joint one (the name checkpoints have always used),
    /// `actor_adam_step` and `critic_adam_step` for separate ones.
    public var stepKeys: [String] {
        switch layout {
        case .joint: ["adam_step"]
        case .separate: ["actor_adam_step", "critic_adam_step"]
        }
    }

    /// Every moment tensor by parameter name (`<name>.adam_m`, `<name>.adam_v`): parameter
    /// names are unique across actor and critic, so the names are the same in both layouts.
    public func exportTensors() -> [String: NamedTensor] {
        adams.reduce(into: [:]) { tensors, adam in tensors.merge(adam.exportTensors()) { first, _ in first } }
    }

    /// Restores every optimiser's moments and step (`steps` in `adams`' order). Each optimiser
    /// is validated before it changes, but a failure in the critic's leaves the actor's
    /// restored: the caller keeps a backup (`exportTensors`, `steps`) to put back.
    public func importTensors(_ tensors: [String: NamedTensor], steps: [Int]) throws(PPOError) {
        guard steps.count == adams.count else {
            throw .invalidState("\(steps.count) Adam step counts for \(adams.count) optimisers")
        }
        for (adam, step) in zip(adams, steps) { try adam.importTensors(tensors, step: step) }
    }
}

/// Gradient L2 norms of one minibatch, before clipping.
public struct GradientNorms: Sendable, Equatable {
    public var actor: Double
    public var critic: Double
    /// Of actor and critic together: what the `joint` optimiser clips.
    public var total: Double

    /// False when a gradient holds NaN or infinity: the minibatch must not be applied.
    public var isFinite: Bool { actor.isFinite && critic.isFinite && total.isFinite }
}
