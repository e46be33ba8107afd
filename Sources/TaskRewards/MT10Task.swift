/// The ten MT10 tasks in MetaWorld's MT10 order; `index` is the position of the task's 1 in
/// the one-hot task id appended to observations.
public enum MT10Task: String, CaseIterable, Sendable {
    case reach = "reach-v3"
    case push = "push-v3"
    case pickPlace = "pick-place-v3"
    case doorOpen = "door-open-v3"
    case drawerOpen = "drawer-open-v3"
    case drawerClose = "drawer-close-v3"
    case buttonPressTopdown = "button-press-topdown-v3"
    case pegInsertSide = "peg-insert-side-v3"
    case windowOpen = "window-open-v3"
    case windowClose = "window-close-v3"

    /// The one-hot index (0-9) MetaWorld's MT10 benchmark gives this task.
    public var index: Int {
        switch self {
        case .reach: 0
        case .push: 1
        case .pickPlace: 2
        case .doorOpen: 3
        case .drawerOpen: 4
        case .drawerClose: 5
        case .buttonPressTopdown: 6
        case .pegInsertSide: 7
        case .windowOpen: 8
        case .windowClose: 9
        }
    }
}
