import Foundation

/// An RGB pixel canvas drawn at `supersampling` x the output resolution and averaged down, which
/// anti-aliases every edge without per-primitive coverage maths. Every primitive is a polygon
/// filled with the non-zero winding rule at sample centres.
public struct RasterCanvas: Sendable {
    /// Output size in pixels.
    public let width: Int
    public let height: Int
    /// Samples per output pixel along each axis.
    public let supersampling: Int
    private let sampleWidth: Int
    private let sampleHeight: Int
    /// Supersampled RGB bytes, row-major.
    private var samples: [UInt8]

    public init(width: Int, height: Int, supersampling: Int = 3, background: RGBColor = .white) {
        self.width = max(width, 1)
        self.height = max(height, 1)
        self.supersampling = max(supersampling, 1)
        sampleWidth = self.width * self.supersampling
        sampleHeight = self.height * self.supersampling
        samples = [UInt8](repeating: 0, count: sampleWidth * sampleHeight * 3)
        for index in stride(from: 0, to: samples.count, by: 3) {
            samples[index] = background.red
            samples[index + 1] = background.green
            samples[index + 2] = background.blue
        }
    }

    /// Fills `polygon` (output pixel coordinates) with `color` at `opacity`.
    public mutating func fill(_ polygon: [DrawingPoint], color: RGBColor, opacity: Double = 1) {
        guard polygon.count >= 3, opacity > 0 else { return }
        let s = Double(supersampling)
        let points = polygon.map { DrawingPoint($0.x * s, $0.y * s) }
        guard points.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else { return }
        let minY = max(Int((points.map(\.y).min()! - 0.5).rounded(.up)), 0)
        let maxY = min(Int((points.map(\.y).max()! - 0.5).rounded(.down)), sampleHeight - 1)
        guard minY <= maxY else { return }
        let alpha = min(opacity, 1)
        var crossings: [(x: Double, winding: Int)] = []
        for row in minY...maxY {
            let centre = Double(row) + 0.5
            crossings.removeAll(keepingCapacity: true)
            for index in points.indices {
                let a = points[index], b = points[(index + 1) % points.count]
                guard (a.y <= centre) != (b.y <= centre) else { continue }
                let x = a.x + (centre - a.y) * (b.x - a.x) / (b.y - a.y)
                crossings.append((x, b.y > a.y ? 1 : -1))
            }
            crossings.sort { $0.x < $1.x }
            var winding = 0
            for index in crossings.indices.dropLast() {
                winding += crossings[index].winding
                guard winding != 0 else { continue }
                let first = max(Int((crossings[index].x - 0.5).rounded(.up)), 0)
                let last = min(Int((crossings[index + 1].x - 0.5).rounded(.up)) - 1, sampleWidth - 1)
                guard first <= last else { continue }
                paint(row: row, from: first, to: last, color: color, alpha: alpha)
            }
        }
    }

    private mutating func paint(row: Int, from first: Int, to last: Int, color: RGBColor, alpha: Double) {
        samples.withUnsafeMutableBufferPointer { buffer in
            var offset = (row * sampleWidth + first) * 3
            if alpha >= 1 {
                for _ in first...last {
                    buffer[offset] = color.red
                    buffer[offset + 1] = color.green
                    buffer[offset + 2] = color.blue
                    offset += 3
                }
                return
            }
            let keep = 1 - alpha
            let red = Double(color.red) * alpha, green = Double(color.green) * alpha, blue = Double(color.blue) * alpha
            for _ in first...last {
                buffer[offset] = UInt8((Double(buffer[offset]) * keep + red).rounded())
                buffer[offset + 1] = UInt8((Double(buffer[offset + 1]) * keep + green).rounded())
                buffer[offset + 2] = UInt8((Double(buffer[offset + 2]) * keep + blue).rounded())
                offset += 3
            }
        }
    }

    /// Strokes an open polyline of `widthPixels` with round joins and caps.
    public mutating func stroke(_ points: [DrawingPoint], color: RGBColor, widthPixels: Double) {
        let radius = max(widthPixels, 0.5) / 2
        for (a, b) in zip(points, points.dropFirst()) {
            let dx = b.x - a.x, dy = b.y - a.y
            let length = (dx * dx + dy * dy).squareRoot()
            guard length > 0 else { continue }
            let nx = -dy / length * radius, ny = dx / length * radius
            fill([DrawingPoint(a.x + nx, a.y + ny), DrawingPoint(b.x + nx, b.y + ny),
                  DrawingPoint(b.x - nx, b.y - ny), DrawingPoint(a.x - nx, a.y - ny)], color: color)
        }
        // Discs at the vertices make the round joins and caps; thin lines need none.
        guard radius * Double(supersampling) >= 1.5 else { return }
        for point in points {
            fill((0..<12).map { step in
                let angle = Double(step) * Double.pi / 6
                return DrawingPoint(point.x + radius * cos(angle), point.y + radius * sin(angle))
            }, color: color)
        }
    }

    /// The output image: each pixel the mean of its `supersampling`² samples, RGB row-major.
    public func pixels() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: width * height * 3)
        let s = supersampling, count = s * s
        for y in 0..<height {
            for x in 0..<width {
                var sum = (0, 0, 0)
                for sy in 0..<s {
                    var offset = ((y * s + sy) * sampleWidth + x * s) * 3
                    for _ in 0..<s {
                        sum.0 += Int(samples[offset])
                        sum.1 += Int(samples[offset + 1])
                        sum.2 += Int(samples[offset + 2])
                        offset += 3
                    }
                }
                let target = (y * width + x) * 3
                out[target] = UInt8((sum.0 + count / 2) / count)
                out[target + 1] = UInt8((sum.1 + count / 2) / count)
                out[target + 2] = UInt8((sum.2 + count / 2) / count)
            }
        }
        return out
    }
}
