import ArgumentParser
import Foundation
import PolicyServing

/// `dratsd policy`: query a checkpoint's policy over stdin/stdout, one JSON object per line.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Act with a checkpoint's policy from any language: JSON observations on stdin, one JSON answer per line on stdout.",
        discussion: """
        Request: {"observation":[...],"task":0} or {"observation":[...],"task":"reach-v3"}, the task's \
        observation without the one-hot task id (it is appended here); names need a run checkpoint, \
        which lists its tasks. Answer: {"action":[...],"mean":[...],"log_std":[...],"value":v}, the \
        action being the Gaussian mean unless --sample-seed is given. A bad line is answered with \
        {"error":"..."} and serving continues; end of input exits 0.
        """
    )

    @Argument(help: "An agent or run checkpoint (.safetensors); its checksum is verified.")
    var checkpoint: String

    @Option(help: "Sample actions from the policy's Gaussian with this seed instead of taking its mean.")
    var sampleSeed: UInt64?

    func run() throws {
        let policy = try CheckpointPolicy.load(from: URL(fileURLWithPath: checkpoint))
        let inference = PolicyInference(checkpoint: policy, samplingSeed: sampleSeed)
        PolicyLineProtocol(inference: inference).serve(
            readLine: { Swift.readLine(strippingNewline: true) },
            write: { line in
                print(line)
                fflush(nil)
            })
    }
}
