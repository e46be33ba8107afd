import Foundation

/// One axis of a panel: its range, tick values and how ticks are written.
struct Axis {
    var label: String
    var minimum: Double
    var maximum: Double
    var ticks: [Double]
    var format: (Double) -> String

    /// An axis over [minimum, maximum] with about `count` ticks at 1, 2, 2.5 or 5 x 10^k.
    init(label: String, minimum: Double, maximum: Double, count: Int = 5, format: @escaping (Double) -> String) {
        self.label = label
        self.minimum = minimum
        self.maximum = maximum > minimum ? maximum : minimum + 1
        self.format = format
        let step = Self.niceStep((self.maximum - minimum) / Double(max(count, 1)))
        var ticks: [Double] = []
        var index = (minimum / step).rounded(.up)
        while index * step <= self.maximum + step * 1e-9 {
            ticks.append(Self.clean(index * step))
            index += 1
        }
        self.ticks = ticks
    }

    /// The smallest 1, 2, 2.5 or 5 x 10^k that is >= `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        for factor in [1.0, 2, 2.5, 5, 10] where factor * magnitude >= raw * (1 - 1e-9) { return factor * magnitude }
        return 10 * magnitude
    }

    /// The nice step at or above `value`, for an axis that must show it (e.g. probabilities).
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        let step = niceStep(value / 5)
        return clean((value / step).rounded(.up) * step)
    }

    /// `value` without the binary rounding residue of multiplying a decimal step (3 x 0.2).
    static func clean(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return 0 }
        let scale = pow(10, 12 - (log10(abs(value))).rounded(.up))
        return (value * scale).rounded() / scale
    }

    /// Environment steps: 0, 500, 2.5k, 1M, 1.25M.
    static func steps(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1_000_000 { return trimmed(value / 1_000_000) + "M" }
        if magnitude >= 1_000 { return trimmed(value / 1_000) + "k" }
        return trimmed(value)
    }

    /// Fractions: 0, 0.25, 1.
    static func fraction(_ value: Double) -> String { trimmed(value) }

    static func trimmed(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}

/// A plot area on a drawing, in pixels, and the mapping of data into it.
struct PlotFrame {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    func point(_ dataX: Double, _ dataY: Double, _ xAxis: Axis, _ yAxis: Axis) -> DrawingPoint {
        let fx = (dataX - xAxis.minimum) / (xAxis.maximum - xAxis.minimum)
        let fy = (dataY - yAxis.minimum) / (yAxis.maximum - yAxis.minimum)
        return DrawingPoint(x + fx * width, y + height - fy * height)
    }

    /// Grid lines, tick labels, axis lines, axis labels and the title above the frame.
    func drawAxes(on drawing: inout Drawing, x xAxis: Axis, y yAxis: Axis, title: String) {
        for tick in yAxis.ticks {
            let p = point(xAxis.minimum, tick, xAxis, yAxis)
            drawing.line(from: p, to: DrawingPoint(x + width, p.y), color: .gridGray)
            drawing.line(from: DrawingPoint(x - 5, p.y), to: p, color: .axisGray)
            drawing.text(yAxis.format(tick), at: DrawingPoint(x - 8, p.y + 4), sizePixels: 12, anchor: .end)
        }
        for tick in xAxis.ticks {
            let p = point(tick, yAxis.minimum, xAxis, yAxis)
            drawing.line(from: DrawingPoint(p.x, y), to: p, color: .gridGray)
            drawing.line(from: p, to: DrawingPoint(p.x, p.y + 5), color: .axisGray)
            drawing.text(xAxis.format(tick), at: DrawingPoint(p.x, p.y + 19), sizePixels: 12, anchor: .middle)
        }
        drawing.polyline([DrawingPoint(x, y), DrawingPoint(x, y + height), DrawingPoint(x + width, y + height)],
                         color: .axisGray, widthPixels: 1.2)
        drawing.text(xAxis.label, at: DrawingPoint(x + width / 2, y + height + 38), sizePixels: 13, anchor: .middle)
        drawing.text(yAxis.label, at: DrawingPoint(x - 44, y + height / 2), sizePixels: 13, anchor: .middle, rotationDegrees: -90)
        drawing.text(title, at: DrawingPoint(x + width / 2, y - 10), sizePixels: 15, color: .black, anchor: .middle)
    }
}

/// A row-wrapping legend: a colour swatch and a label per entry.
struct Legend {
    var entries: [(label: String, color: RGBColor)]

    /// Draws the entries from (x, y) wrapping at `maxWidth`; returns the height used.
    @discardableResult
    func draw(on drawing: inout Drawing, x: Double, y: Double, maxWidth: Double, size: Double = 13) -> Double {
        var penX = x, penY = y
        for entry in entries {
            let width = 30 + HersheyFont.width(of: entry.label, sizePixels: size) + 22
            if penX > x, penX + width > x + maxWidth {
                penX = x
                penY += size + 10
            }
            drawing.line(from: DrawingPoint(penX, penY - size * 0.3), to: DrawingPoint(penX + 22, penY - size * 0.3),
                         color: entry.color, widthPixels: 3)
            drawing.text(entry.label, at: DrawingPoint(penX + 30, penY), sizePixels: size)
            penX += width
        }
        return penY - y + size + 10
    }

    /// Height the legend would take, without drawing.
    func height(maxWidth: Double, size: Double = 13) -> Double {
        var scratch = Drawing(width: 1, height: 1)
        return draw(on: &scratch, x: 0, y: 0, maxWidth: maxWidth, size: size)
    }
}
