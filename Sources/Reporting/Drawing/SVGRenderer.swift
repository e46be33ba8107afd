import Foundation

/// Writes a `Drawing` as a standalone SVG 1.1 document (text as `<text>` in a sans-serif font).
public enum SVGRenderer {
    public static func render(_ drawing: Drawing) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(drawing.width)" height="\(drawing.height)" \
        viewBox="0 0 \(drawing.width) \(drawing.height)" font-family="Helvetica, Arial, sans-serif">
        <rect x="0" y="0" width="\(drawing.width)" height="\(drawing.height)" fill="#ffffff"/>

        """
        for item in drawing.items {
            out += element(item) + "\n"
        }
        return out + "</svg>\n"
    }

    private static func element(_ item: DrawingItem) -> String {
        switch item {
        case let .polyline(points, color, width):
            return "<polyline points=\"\(pointList(points))\" fill=\"none\" stroke=\"\(color.hex)\" stroke-width=\"\(number(width))\" "
                + "stroke-linejoin=\"round\" stroke-linecap=\"round\"/>"
        case let .polygon(points, color, opacity):
            return "<polygon points=\"\(pointList(points))\" fill=\"\(color.hex)\" fill-opacity=\"\(number(opacity))\" stroke=\"none\"/>"
        case let .rectangle(x, y, width, height, color):
            return "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" height=\"\(number(height))\" fill=\"\(color.hex)\"/>"
        case let .text(string, at, size, color, anchor, rotation):
            let transform = rotation == 0 ? "" : " transform=\"rotate(\(number(rotation)) \(number(at.x)) \(number(at.y)))\""
            return "<text x=\"\(number(at.x))\" y=\"\(number(at.y))\" font-size=\"\(number(size))\" fill=\"\(color.hex)\" "
                + "text-anchor=\"\(anchor.rawValue)\"\(transform)>\(escape(string))</text>"
        }
    }

    private static func pointList(_ points: [DrawingPoint]) -> String {
        points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
    }

    /// Two decimals, no trailing zeros: enough for pixels, short files.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// XML character data: the five special characters escaped, control characters dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                if scalar.value < 0x20 { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
