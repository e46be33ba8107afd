import Foundation
import Networks
import Testing
@testable import Reporting
import RandomStreams

@Suite struct PNGEncoderTests {
    static func sha256Hex(_ bytes: [UInt8]) throws -> String {
        let path = try PythonCheck.temporaryFile(bytes, name: "raw")
        defer { unlink(path) }
        return try PythonCheck.run("import sys, hashlib; print(hashlib.sha256(open(sys.argv[1], 'rb').read()).hexdigest())",
                                   arguments: [path])
    }

    @Test func zlibStreamsInflateToTheInputWithPython() throws {
        var generator = SplitMix64(seed: 5)
        let random = (0..<5_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let repetitive = (0..<70_000).map { UInt8(($0 / 7) % 5) }
        let runs = [UInt8](repeating: 255, count: 100_000) + [1, 2, 3] + [UInt8](repeating: 255, count: 40_000)
        for input in [[], [42], random, repetitive, runs, random + repetitive + random] {
            let compressed = Zlib.compress(input)
            let path = try PythonCheck.temporaryFile(compressed, name: "z")
            defer { unlink(path) }
            let digest = try PythonCheck.run(
                "import sys, zlib, hashlib; print(hashlib.sha256(zlib.decompress(open(sys.argv[1], 'rb').read())).hexdigest())",
                arguments: [path])
            #expect(digest == (try Self.sha256Hex(input)))
        }
        #expect(Zlib.compress(runs).count < 2_000)
    }

    @Test func adlerAndCRCMatchTheirReferenceValues() {
        // Test vectors: Adler-32("Wikipedia") = 0x11E60398 (the big-endian trailer of its zlib
        // stream), CRC-32("123456789") = 0xCBF43926.
        #expect(Array(Zlib.compress(Array("Wikipedia".utf8)).suffix(4)) == [0x11, 0xE6, 0x03, 0x98])
        #expect(Zlib.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(Zlib.crc32([]) == 0)
    }

    @Test func pngDecodesWithCorrectChunksCRCsAndPixels() throws {
        let (width, height) = (37, 23)
        let count = width * height * 3
        let pixels: [UInt8] = (0..<count).map { (index: Int) -> UInt8 in UInt8(truncatingIfNeeded: index * 7 + index / 111) }
        let png = PNGEncoder.encode(rgb: pixels, width: width, height: height)
        let path = try PythonCheck.temporaryFile(png, name: "png")
        defer { unlink(path) }
        let fields = try PythonCheck.run(PythonCheck.pngReader, arguments: [path]).split(separator: " ").map(String.init)
        #expect(fields == ["37", "23", try Self.sha256Hex(pixels), "IHDR,IDAT,IEND"])
    }

    @Test func rasterisedDrawingHasItsShapesWhereTheyWereDrawn() throws {
        var drawing = Drawing(width: 60, height: 40)
        drawing.rectangle(x: 10, y: 10, width: 20, height: 10, color: RGBColor(255, 0, 0))
        drawing.polygon([DrawingPoint(40, 5), DrawingPoint(55, 5), DrawingPoint(55, 35)], color: RGBColor(0, 0, 255), opacity: 0.5)
        drawing.line(from: DrawingPoint(0, 30), to: DrawingPoint(30, 30), color: .black, widthPixels: 2)
        let canvas = RasterRenderer.canvas(drawing)
        let pixels = canvas.pixels()
        func pixel(_ x: Int, _ y: Int) -> [UInt8] { Array(pixels[((y * 60 + x) * 3)..<((y * 60 + x) * 3 + 3)]) }
        #expect(pixel(20, 15) == [255, 0, 0])        // inside the rectangle
        #expect(pixel(5, 5) == [255, 255, 255])      // background
        #expect(pixel(53, 10) == [128, 128, 255])    // half-opaque blue over white
        #expect(pixel(15, 30)[0] < 30)               // on the line
        #expect(pixel(15, 26) == [255, 255, 255])    // off the line
        // An edge through the middle of a pixel is anti-aliased to a blend.
        var half = Drawing(width: 4, height: 1)
        half.rectangle(x: 0, y: 0, width: 1.5, height: 1, color: .black)
        let blended = RasterRenderer.canvas(half).pixels()
        #expect(blended[3] > 60 && blended[3] < 200)
    }
}
