// libyaml as Yams bundles and links it. CYaml is not a product of the Yams package, but its
// module map is on the compiler's path of every target that depends on Yams (Swift needs it to
// load Yams), so this reads the events of the very parser `Yams.compose` runs, at its version.
internal import CYaml

/// Limits on a config's YAML, checked on libyaml's event stream before Yams builds any node.
///
/// Yams composes an alias as a copy of its anchor's node. Nine levels of `&aN [*aM, ...]` with
/// nine aliases each are 500 bytes of text and 9^9 nodes to every walk, hash and description of
/// the tree; and `Yams.compose` checks every mapping for duplicate keys by hashing its key
/// nodes whole, so one such alias used as a key runs for minutes inside `compose` itself. This
/// pass counts the nodes the document expands to (an alias counts as the size of the node it
/// repeats) without building any, refuses a key that is not a plain scalar, and stops at the
/// first event past a limit. After it, composing and reading the document take time linear in
/// its size, which `RunConfig.Limits.fileBytes` bounds.
enum YAMLPreflight {
    /// Something in the document beyond the limits, where libyaml found it (1-based).
    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    /// The first problem in `text`; nil when there is none, and also when libyaml finds a syntax
    /// error or an undefined alias first (`Yams.compose` then reports it with its context).
    static func firstProblem(in text: String, nodeLimit: Int = RunConfig.Limits.yamlNodes) -> Problem? {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var walk = Walk(nodeLimit: nodeLimit)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let message = walk.visit(event) {
                    return Problem(line: event.start_mark.line + 1, column: event.start_mark.column + 1, message: message)
                }
            }
        }
    }

    /// The count so far: nodes expanded, each anchor's size and the collections still open.
    private struct Walk {
        let nodeLimit: Int
        /// Nodes of the document so far, every alias counted as the nodes it repeats; at most
        /// twice `nodeLimit` (the walk stops as soon as it passes the limit).
        var nodes = 0
        var aliasesSeen = false
        /// Expanded size of each anchor's node, by name (a later anchor of the same name
        /// replaces the earlier one for the aliases after it, as in Yams).
        var anchorSizes: [String: Int] = [:]
        var open: [Collection] = []

        struct Collection {
            var nodesBefore: Int
            var anchor: String?
            var isMapping: Bool
            var children = 0
        }

        init(nodeLimit: Int) { self.nodeLimit = nodeLimit }

        /// Counts one event; the problem it makes, if any.
        mutating func visit(_ event: yaml_event_t) -> String? {
            let isKey = open.last.map { $0.isMapping && $0.children % 2 == 0 } ?? false
            switch event.type {
            case YAML_SCALAR_EVENT:
                if let anchor = Self.text(event.data.scalar.anchor) { anchorSizes[anchor] = 1 }
                return add(1)
            case YAML_ALIAS_EVENT:
                let name = Self.text(event.data.alias.anchor) ?? ""
                if isKey {
                    return "a key must be a plain name, found the alias *\(ConfigText.excerpt(name)); write the key out"
                }
                // An undefined alias is Yams's to report.
                guard let size = anchorSizes[name] else { return nil }
                aliasesSeen = true
                return add(size)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                if isKey {
                    return "a key must be a plain name, found \(isMapping ? "a mapping" : "a list"); write the key as one word"
                }
                let anchor = Self.text(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
                open.append(Collection(nodesBefore: nodes, anchor: anchor, isMapping: isMapping))
                nodes += 1
                return overLimit()
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { return nil }
                if let anchor = closed.anchor { anchorSizes[anchor] = nodes - closed.nodesBefore }
                if !open.isEmpty { open[open.count - 1].children += 1 }
                return nil
            default:
                return nil
            }
        }

        /// Adds a finished scalar or alias of `size` nodes to the open collection.
        private mutating func add(_ size: Int) -> String? {
            nodes += size
            if !open.isEmpty { open[open.count - 1].children += 1 }
            return overLimit()
        }

        private func overLimit() -> String? {
            guard nodes > nodeLimit else { return nil }
            let counting = aliasesSeen ? ", counting each alias as the nodes it repeats" : ""
            return "the document has more than \(nodeLimit) YAML nodes by here\(counting); a run config has a few hundred at most"
        }

        private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            guard let pointer else { return nil }
            return String(cString: pointer)
        }
    }
}
