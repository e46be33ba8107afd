/// Lays out text in the Hershey simplex stroke font: the raster back end draws the strokes,
/// and both back ends use `width(of:sizePixels:)` to place text.
///
/// A text of size `s` pixels has capitals `0.7 s` high (close to Helvetica's 0.72 em, so SVG
/// text in a sans-serif font lands where the layout expects it).
public enum HersheyFont {
    private struct Glyph {
        var advance: Double
        var strokes: [[(x: Double, y: Double)]]
    }

    private static let glyphs: [Glyph] = HersheySimplexData.glyphs.map(parse)

    /// Font units per pixel of text size: the cap height is 21 units.
    static func scale(sizePixels: Double) -> Double { 0.7 * sizePixels / 21 }

    /// Width of `text` in pixels at `sizePixels`; characters outside ASCII 32-126 count as `?`.
    public static func width(of text: String, sizePixels: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + glyph($1).advance } * scale(sizePixels: sizePixels)
    }

    /// The pen strokes of `text` with its baseline starting at (0, 0), in pixels, y down.
    public static func strokes(of text: String, sizePixels: Double) -> [[DrawingPoint]] {
        let unit = scale(sizePixels: sizePixels)
        var penX = 0.0
        var result: [[DrawingPoint]] = []
        for scalar in text.unicodeScalars {
            let glyph = glyph(scalar)
            for stroke in glyph.strokes {
                result.append(stroke.map { DrawingPoint(penX + $0.x * unit, -$0.y * unit) })
            }
            penX += glyph.advance * unit
        }
        return result
    }

    private static func glyph(_ scalar: Unicode.Scalar) -> Glyph {
        let index = Int(scalar.value) - 32
        return glyphs.indices.contains(index) ? glyphs[index] : glyphs[Int(("?" as Unicode.Scalar).value) - 32]
    }

    private static func parse(_ text: String) -> Glyph {
        let parts = text.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
        let advance = Double(parts[0]) ?? 0
        guard parts.count == 2, !parts[1].isEmpty else { return Glyph(advance: advance, strokes: []) }
        let strokes = parts[1].split(separator: "|").map { stroke in
            stroke.split(separator: " ").compactMap { pair -> (x: Double, y: Double)? in
                let xy = pair.split(separator: ",")
                guard xy.count == 2, let x = Double(xy[0]), let y = Double(xy[1]) else { return nil }
                return (x, y)
            }
        }
        return Glyph(advance: advance, strokes: strokes)
    }
}
