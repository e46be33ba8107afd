/// `final-success`: per sampler, each task's final success rate (mean over seeds, whisker =
/// bootstrap 95% CI), tasks sorted best to worst.
public enum FinalSuccessFigure {
    /// (task, estimate) sorted by mean success, best first; ties by task name.
    public static func sortedTasks(_ summary: SamplerSummary) -> [(task: String, estimate: Estimate)] {
        summary.finalTaskSuccess.map { (task: $0.key, estimate: $0.value) }
            .sorted { $0.estimate.value != $1.estimate.value ? $0.estimate.value > $1.estimate.value : $0.task < $1.task }
    }

    public static func drawing(_ summary: ReportSummary) -> Drawing {
        let samplers = summary.samplers
        let columns = max(min(samplers.count, 3), 1)
        let rows = (samplers.count + columns - 1) / columns
        let taskCount = samplers.map(\.finalTaskSuccess.count).max() ?? 0
        let longestLabel = samplers.flatMap(\.finalTaskSuccess.keys).map { HersheyFont.width(of: $0, sizePixels: 12) }.max() ?? 0
        let labelWidth = max(longestLabel + 14, 60), rowHeight = 20.0
        let panelWidth = labelWidth + 235
        let panelHeight = 60 + Double(taskCount) * rowHeight + 50
        var drawing = Drawing(width: Int(Double(columns) * panelWidth + 30), height: Int(50 + Double(rows) * panelHeight))
        drawing.text("Final success per task, best to worst (mean over seeds, whisker = bootstrap 95% CI)",
                     at: DrawingPoint(Double(drawing.width) / 2, 26), sizePixels: 16, color: .black, anchor: .middle)
        let xAxis = Axis(label: "success rate", minimum: 0, maximum: 1, count: 4, format: Axis.fraction)
        for (index, sampler) in samplers.enumerated() {
            let color = SamplerGroup.color(of: sampler.sampler, index: index)
            let left = 15 + Double(index % columns) * panelWidth, top = 50 + Double(index / columns) * panelHeight
            let frame = PlotFrame(x: left + labelWidth, y: top + 40, width: panelWidth - labelWidth - 35,
                                  height: Double(taskCount) * rowHeight)
            let seeds = sampler.seeds.count == 1 ? "1 seed" : "\(sampler.seeds.count) seeds"
            drawing.text("\(sampler.sampler) (\(seeds))", at: DrawingPoint(frame.x + frame.width / 2, top + 25),
                         sizePixels: 15, color: .black, anchor: .middle)
            for tick in xAxis.ticks {
                let x = frame.x + tick * frame.width
                drawing.line(from: DrawingPoint(x, frame.y), to: DrawingPoint(x, frame.y + frame.height), color: .gridGray)
                drawing.text(xAxis.format(tick), at: DrawingPoint(x, frame.y + frame.height + 17), sizePixels: 12, anchor: .middle)
            }
            for (row, entry) in sortedTasks(sampler).enumerated() {
                let y = frame.y + Double(row) * rowHeight
                drawing.text(entry.task, at: DrawingPoint(frame.x - 6, y + rowHeight / 2 + 4), sizePixels: 12, anchor: .end)
                drawing.rectangle(x: frame.x, y: y + 3, width: max(entry.estimate.value, 0) * frame.width, height: rowHeight - 6, color: color)
                if let lower = entry.estimate.lower, let upper = entry.estimate.upper, upper > lower {
                    let middle = y + rowHeight / 2
                    drawing.line(from: DrawingPoint(frame.x + lower * frame.width, middle),
                                 to: DrawingPoint(frame.x + upper * frame.width, middle), color: .black, widthPixels: 1.2)
                }
            }
            drawing.polyline([DrawingPoint(frame.x, frame.y), DrawingPoint(frame.x, frame.y + frame.height)], color: .axisGray, widthPixels: 1.2)
            drawing.text(xAxis.label, at: DrawingPoint(frame.x + frame.width / 2, frame.y + frame.height + 36), sizePixels: 12, anchor: .middle)
        }
        return drawing
    }
}
