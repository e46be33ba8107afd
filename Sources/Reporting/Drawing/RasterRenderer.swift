import Foundation

/// Draws a `Drawing` on a `RasterCanvas` (text in the Hershey stroke font) and encodes it as PNG.
public enum RasterRenderer {
    public static func canvas(_ drawing: Drawing, supersampling: Int = 3) -> RasterCanvas {
        var canvas = RasterCanvas(width: drawing.width, height: drawing.height, supersampling: supersampling)
        for item in drawing.items {
            switch item {
            case let .polyline(points, color, width):
                canvas.stroke(points, color: color, widthPixels: width)
            case let .polygon(points, color, opacity):
                canvas.fill(points, color: color, opacity: opacity)
            case let .rectangle(x, y, width, height, color):
                canvas.fill([DrawingPoint(x, y), DrawingPoint(x + width, y), DrawingPoint(x + width, y + height),
                             DrawingPoint(x, y + height)], color: color)
            case let .text(string, at, size, color, anchor, rotation):
                let width = HersheyFont.width(of: string, sizePixels: size)
                let shift = switch anchor {
                case .start: 0.0
                case .middle: -width / 2
                case .end: -width
                }
                let angle = rotation * Double.pi / 180
                let (c, s) = (cos(angle), sin(angle))
                let penWidth = max(size / 11, 1)
                for stroke in HersheyFont.strokes(of: string, sizePixels: size) {
                    canvas.stroke(stroke.map { point in
                        let x = point.x + shift
                        return DrawingPoint(at.x + x * c - point.y * s, at.y + x * s + point.y * c)
                    }, color: color, widthPixels: penWidth)
                }
            }
        }
        return canvas
    }

    /// The drawing as a PNG file (8-bit RGB).
    public static func png(_ drawing: Drawing) -> [UInt8] {
        let canvas = canvas(drawing)
        return PNGEncoder.encode(rgb: canvas.pixels(), width: canvas.width, height: canvas.height)
    }
}
