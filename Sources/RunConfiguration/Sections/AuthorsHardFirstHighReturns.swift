/// The high return thresholds of the DRATS authors' Hard First scheduler (`SMTScheduler` in
/// whuang369/metaworld-algorithms, metaworld_algorithms/rl/algorithms/base.py): one per MetaWorld
/// task, in raw 500-step returns (at most 5000). A hard-first run config whose `sampler` does not
/// set `hardFirstHighReturnPerTask` gets these for every task named here; other tasks get
/// `hardFirstHighReturn`. The MT50 values are the ones their MT50 branch lists, for the tasks
/// still to come.
enum AuthorsHardFirstHighReturns {
    static let byTask: [String: Double] = {
        var table: [String: Double] = [:]
        let groups: [(Double, [String])] = [
            (2000, ["basketball", "coffee-pull", "coffee-push", "soccer", "stick-pull"]),
            (2500, ["lever-pull", "stick-push"]),
            (3000, ["assembly", "bin-picking", "box-close", "button-press-topdown", "button-press-topdown-wall",
                    "coffee-button", "disassemble", "door-lock", "door-unlock", "hammer", "handle-pull-side",
                    "pick-place-wall", "pick-out-of-hole", "pick-place", "push", "push-wall", "push-back",
                    "shelf-place", "sweep"]),
            (3500, ["button-press", "button-press-wall", "dial-turn", "hand-insert", "handle-pull", "plate-slide-side",
                    "peg-insert-side", "peg-unplug-side", "sweep-into"]),
            (4000, ["door-close", "door-open", "drawer-close", "drawer-open", "faucet-open", "faucet-close",
                    "handle-press-side", "handle-press", "plate-slide", "plate-slide-back", "plate-slide-back-side",
                    "reach", "reach-wall", "window-open", "window-close"]),
        ]
        for (threshold, names) in groups {
            for name in names { table[name + "-v3"] = threshold }
        }
        return table
    }()
}
