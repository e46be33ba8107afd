/// Work split into a fixed number of pieces that may run at the same time on different threads.
public protocol PartitionedWork: AnyObject {
    /// Runs piece `part` of `parts`; must touch only that piece's data.
    func runPart(_ part: Int, of parts: Int)
}
