/// `sampling-probabilities`: for one run per sampler (its lowest seed), each task's sampling
/// probability after every iteration, over environment steps.
public enum SamplingProbabilitiesFigure {
    public static func drawing(_ groups: [SamplerGroup]) -> Drawing {
        let shown = groups.compactMap { group in group.runs.first.map { (group.sampler, $0) } }
        var tasks: [String] = []
        for (_, run) in shown {
            for task in run.tasks where !tasks.contains(task) { tasks.append(task) }
            for point in run.metrics.sampling {
                for task in point.probabilities.keys.sorted() where !tasks.contains(task) { tasks.append(task) }
            }
        }
        let columns = max(min(shown.count, 3), 1)
        let rows = (shown.count + columns - 1) / columns
        let panelWidth = 360.0, panelHeight = 300.0
        let width = Double(columns) * panelWidth + 40
        let legend = Legend(entries: tasks.enumerated().map { ($1, RGBColor.series($0)) })
        let legendHeight = legend.height(maxWidth: width - 100, size: 12)
        var drawing = Drawing(width: Int(width), height: Int(60 + Double(rows) * panelHeight + legendHeight + 10))
        drawing.text("Task sampling probability over training (one run per sampler)",
                     at: DrawingPoint(width / 2, 26), sizePixels: 17, color: .black, anchor: .middle)
        let maxStep = shown.flatMap { $0.1.metrics.sampling.map(\.envSteps) }.max() ?? 1
        let maxProbability = shown.flatMap { $0.1.metrics.sampling.flatMap { $0.probabilities.values } }.max() ?? 1
        let xAxis = Axis(label: "environment steps", minimum: 0, maximum: Double(max(maxStep, 1)), count: 4, format: Axis.steps)
        let yAxis = Axis(label: "probability", minimum: 0, maximum: min(Axis.niceCeiling(maxProbability), 1), count: 4,
                         format: Axis.fraction)
        for (index, (sampler, run)) in shown.enumerated() {
            let frame = PlotFrame(x: 80 + Double(index % columns) * panelWidth, y: 80 + Double(index / columns) * panelHeight,
                                  width: panelWidth - 100, height: panelHeight - 110)
            frame.drawAxes(on: &drawing, x: xAxis, y: yAxis, title: "\(sampler), seed \(run.seed)")
            if run.metrics.sampling.isEmpty {
                drawing.text("no sampler probabilities recorded", at: DrawingPoint(frame.x + frame.width / 2, frame.y + frame.height / 2),
                             sizePixels: 12, anchor: .middle)
            }
            for (taskIndex, task) in tasks.enumerated() {
                let line = run.metrics.sampling.compactMap { point in
                    point.probabilities[task].map { frame.point(Double(point.envSteps), $0, xAxis, yAxis) }
                }
                drawing.polyline(line, color: RGBColor.series(taskIndex), widthPixels: 1.6)
            }
        }
        legend.draw(on: &drawing, x: 60, y: 60 + Double(rows) * panelHeight, maxWidth: width - 100, size: 12)
        return drawing
    }
}
