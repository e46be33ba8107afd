/// What stick-push and stick-pull share (metaworld-mt50.md, 'Stick and thermos').
public enum StickThermos {
    /// MetaWorld's `obj_init_pos` in both tasks: the thermos's static base body `object` at its
    /// XML place, not the thermos that slides on it, so the same in every episode. Their
    /// container margins (and stick-pull's caging margins) are measured from it.
    public static let thermosBase = SIMD3<Double>(0.2, 0.6, 0)
}
