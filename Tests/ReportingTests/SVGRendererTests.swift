import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Reporting

/// Counts elements while parsing, so a test can see that a document is well-formed XML.
final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var text = ""
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        counts[name, default: 0] += 1
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

@Suite struct SVGRendererTests {
    static func parse(_ svg: String) -> (ok: Bool, counter: ElementCounter) {
        let parser = XMLParser(data: Data(svg.utf8))
        let counter = ElementCounter()
        parser.delegate = counter
        return (parser.parse(), counter)
    }

    @Test func everyPrimitiveBecomesAnElementOfWellFormedXML() {
        var drawing = Drawing(width: 200, height: 100)
        drawing.polyline([DrawingPoint(0, 0), DrawingPoint(10, 10), DrawingPoint(20, 5)], color: .black)
        drawing.polygon([DrawingPoint(0, 0), DrawingPoint(10, 0), DrawingPoint(5, 5)], color: .series(1), opacity: 0.2)
        drawing.rectangle(x: 1, y: 2, width: 3, height: 4, color: .series(2))
        drawing.text("a < b & \"c\" > 'd'", at: DrawingPoint(50, 50), sizePixels: 12, anchor: .middle, rotationDegrees: -90)
        let svg = SVGRenderer.render(drawing)
        let (ok, counter) = Self.parse(svg)
        #expect(ok)
        #expect(counter.counts == ["svg": 1, "rect": 2, "polyline": 1, "polygon": 1, "text": 1])
        #expect(counter.text.contains("a < b & \"c\" > 'd'"))
        #expect(svg.contains("rotate(-90 50 50)"))
    }

    @Test func numbersAreShortAndNonFiniteOnesNeverReachTheFile() {
        #expect(SVGRenderer.number(1.5) == "1.5")
        #expect(SVGRenderer.number(2) == "2")
        #expect(SVGRenderer.number(-0.001) == "0")
        #expect(SVGRenderer.number(.nan) == "0")
    }

    @Test func textWidthFollowsTheStrokeFont() {
        // 'A' advances 18 units, the cap height is 21 units = 0.7 x the size.
        #expect(abs(HersheyFont.width(of: "AA", sizePixels: 30) - 36) < 1e-9)
        #expect(HersheyFont.width(of: "", sizePixels: 12) == 0)
        let strokes = HersheyFont.strokes(of: "T", sizePixels: 30)
        #expect(strokes.count == 2)
        #expect(strokes.flatMap { $0 }.map(\.y).min() == -21)  // the top of the T, above the baseline
        // Characters outside ASCII print as '?'.
        #expect(HersheyFont.width(of: "é", sizePixels: 30) == HersheyFont.width(of: "?", sizePixels: 30))
    }
}
