/// A point on a drawing, in pixels: x to the right, y down from the top-left corner.
public struct DrawingPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// An opaque sRGB colour.
public struct RGBColor: Sendable, Equatable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `#rrggbb`, as SVG writes colours.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        return "#" + [red, green, blue].map { String(digits[Int($0 >> 4)]) + String(digits[Int($0 & 15)]) }.joined()
    }

    public static let black = RGBColor(0, 0, 0)
    public static let white = RGBColor(255, 255, 255)
    public static let gridGray = RGBColor(225, 225, 225)
    public static let axisGray = RGBColor(90, 90, 90)
    public static let textGray = RGBColor(60, 60, 60)

    /// Ten colours that stay apart for most colour vision (matplotlib's tab10), used in order.
    public static let palette: [RGBColor] = [
        RGBColor(31, 119, 180), RGBColor(255, 127, 14), RGBColor(44, 160, 44), RGBColor(214, 39, 40),
        RGBColor(148, 103, 189), RGBColor(140, 86, 75), RGBColor(227, 119, 194), RGBColor(127, 127, 127),
        RGBColor(188, 189, 34), RGBColor(23, 190, 207),
    ]

    /// The palette colour for series `index` (wrapping around after ten).
    public static func series(_ index: Int) -> RGBColor { palette[((index % palette.count) + palette.count) % palette.count] }
}

/// Where a text's anchor point sits along the text.
public enum TextAnchor: String, Sendable, Equatable {
    case start, middle, end
}

/// One primitive of a drawing. Both back ends (SVG and the raster canvas) draw exactly these.
public enum DrawingItem: Sendable, Equatable {
    /// An open polyline of `widthPixels`, round joins and caps.
    case polyline(points: [DrawingPoint], color: RGBColor, widthPixels: Double)
    /// A filled polygon (non-zero winding), `opacity` in [0, 1]; used for confidence bands.
    case polygon(points: [DrawingPoint], color: RGBColor, opacity: Double)
    /// An axis-aligned filled rectangle.
    case rectangle(x: Double, y: Double, width: Double, height: Double, color: RGBColor)
    /// One line of text whose baseline passes through `at`; `rotationDegrees` turns it
    /// clockwise about `at` (-90 reads bottom to top, for y-axis labels).
    case text(String, at: DrawingPoint, sizePixels: Double, color: RGBColor, anchor: TextAnchor, rotationDegrees: Double)
}

/// A picture as a list of primitives on a white page of `width` x `height` pixels.
public struct Drawing: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var items: [DrawingItem] = []

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public mutating func line(from a: DrawingPoint, to b: DrawingPoint, color: RGBColor, widthPixels: Double = 1) {
        items.append(.polyline(points: [a, b], color: color, widthPixels: widthPixels))
    }

    public mutating func polyline(_ points: [DrawingPoint], color: RGBColor, widthPixels: Double = 2) {
        guard points.count >= 2 else { return }
        items.append(.polyline(points: points, color: color, widthPixels: widthPixels))
    }

    public mutating func polygon(_ points: [DrawingPoint], color: RGBColor, opacity: Double) {
        guard points.count >= 3 else { return }
        items.append(.polygon(points: points, color: color, opacity: min(max(opacity, 0), 1)))
    }

    public mutating func rectangle(x: Double, y: Double, width: Double, height: Double, color: RGBColor) {
        guard width > 0, height > 0 else { return }
        items.append(.rectangle(x: x, y: y, width: width, height: height, color: color))
    }

    public mutating func text(_ string: String, at point: DrawingPoint, sizePixels: Double, color: RGBColor = .textGray,
                              anchor: TextAnchor = .start, rotationDegrees: Double = 0) {
        guard !string.isEmpty else { return }
        items.append(.text(string, at: point, sizePixels: sizePixels, color: color, anchor: anchor, rotationDegrees: rotationDegrees))
    }
}
