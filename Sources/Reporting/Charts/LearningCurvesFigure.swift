/// `learning-curves`: mean success and worst-task success over environment steps, per sampler
/// the mean over seeds with a shaded bootstrap 95% band (aligned by `CurveAlignment`).
public enum LearningCurvesFigure {
    /// One sampler's curve of one metric.
    public struct Curve: Sendable, Equatable {
        public var sampler: String
        public var seeds: Int
        /// Per shared evaluation step: the mean over seeds and its interval (nil for one seed).
        public var points: [(step: Int, estimate: Estimate)]

        public static func == (a: Curve, b: Curve) -> Bool {
            a.sampler == b.sampler && a.seeds == b.seeds && a.points.elementsEqual(b.points) { $0.step == $1.step && $0.estimate == $1.estimate }
        }
    }

    /// The aligned curve of `metric` for each group.
    public static func curves(_ groups: [SamplerGroup], metric: (EvaluationPoint) -> Double, bootstrap: Bootstrap) -> [Curve] {
        groups.map { group in
            let perRun = group.runs.map { run in run.metrics.evaluations.map { (step: $0.envSteps, value: metric($0)) } }
            let points = CurveAlignment.align(perRun).compactMap { step, values in
                bootstrap.mean(values).map { (step: step, estimate: $0) }
            }
            return Curve(sampler: group.sampler, seeds: group.runs.count, points: points)
        }
    }

    public static func drawing(_ groups: [SamplerGroup], bootstrap: Bootstrap) -> Drawing {
        let panels: [(title: String, curves: [Curve])] = [
            ("Mean success over tasks", curves(groups, metric: \.meanSuccess, bootstrap: bootstrap)),
            ("Worst-task success", curves(groups, metric: \.worstSuccess, bootstrap: bootstrap)),
        ]
        let colors = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1.sampler, SamplerGroup.color(of: $1.sampler, index: $0)) })
        let legend = Legend(entries: panels[0].curves.map { curve in
            let detail = if curve.points.isEmpty {
                "no evaluation step shared by all seeds"
            } else if curve.seeds == 1 {
                "1 seed, no band"
            } else {
                "\(curve.seeds) seeds, 95% CI"
            }
            return ("\(curve.sampler) (\(detail))", colors[curve.sampler] ?? .black)
        })
        let width = 1000.0, legendHeight = legend.height(maxWidth: width - 140)
        var drawing = Drawing(width: Int(width), height: Int(445 + legendHeight))
        drawing.text("Learning curves: mean over seeds, band = bootstrap 95% CI over seeds", at: DrawingPoint(width / 2, 26),
                     sizePixels: 17, color: .black, anchor: .middle)
        let maxStep = panels.flatMap { $0.curves.flatMap { $0.points.map(\.step) } }.max() ?? 1
        let xAxis = Axis(label: "environment steps", minimum: 0, maximum: Double(max(maxStep, 1)), format: Axis.steps)
        let yAxis = Axis(label: "success rate", minimum: 0, maximum: 1, format: Axis.fraction)
        for (index, panel) in panels.enumerated() {
            let frame = PlotFrame(x: 80 + Double(index) * 480, y: 70, width: 400, height: 300)
            frame.drawAxes(on: &drawing, x: xAxis, y: yAxis, title: panel.title)
            // Every band before any line, so no band tints another sampler's line.
            for curve in panel.curves {
                let color = colors[curve.sampler] ?? .black
                let banded = curve.points.filter { $0.estimate.lower != nil && $0.estimate.upper != nil }
                if banded.count >= 2 {
                    let upper = banded.map { frame.point(Double($0.step), $0.estimate.upper!, xAxis, yAxis) }
                    let lower = banded.reversed().map { frame.point(Double($0.step), $0.estimate.lower!, xAxis, yAxis) }
                    drawing.polygon(upper + lower, color: color, opacity: 0.18)
                }
            }
            for curve in panel.curves {
                let color = colors[curve.sampler] ?? .black
                let line = curve.points.map { frame.point(Double($0.step), $0.estimate.value, xAxis, yAxis) }
                if line.count == 1 {
                    drawing.rectangle(x: line[0].x - 3, y: line[0].y - 3, width: 6, height: 6, color: color)
                }
                drawing.polyline(line, color: color, widthPixels: 2.2)
            }
        }
        legend.draw(on: &drawing, x: 80, y: 440, maxWidth: width - 140)
        return drawing
    }
}
