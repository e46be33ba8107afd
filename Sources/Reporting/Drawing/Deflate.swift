/// A small DEFLATE compressor (RFC 1951) in a zlib wrapper (RFC 1950): one block with the fixed
/// Huffman codes and greedy LZ77 matching over a 32 KiB window (hash chains of 3-byte prefixes).
/// Plots are mostly flat colour, so this gets them to a few percent of their raw size.
enum Deflate {
    private static let windowSize = 32_768
    private static let maxChain = 48
    private static let minMatch = 3
    private static let maxMatch = 258

    /// `data` as a zlib stream: header, one final fixed-Huffman block, Adler-32.
    static func zlib(_ data: [UInt8]) -> [UInt8] {
        var writer = BitWriter()
        writer.bytes = [0x78, 0x01]  // deflate, 32 KiB window, no dictionary, fastest level
        writer.write(bits: 1, count: 1)  // BFINAL
        writer.write(bits: 1, count: 2)  // BTYPE = 01, fixed Huffman codes
        compress(data, into: &writer)
        writeLiteralOrLength(256, into: &writer)
        writer.flush()
        var out = writer.bytes
        PNGEncoder.appendBigEndian(adler32(data), to: &out)
        return out
    }

    private static func compress(_ data: [UInt8], into writer: inout BitWriter) {
        let hashSize = 1 << 15
        var head = [Int](repeating: -1, count: hashSize)
        var previous = [Int](repeating: -1, count: windowSize)
        func hash(_ i: Int) -> Int {
            (Int(data[i]) << 10 ^ Int(data[i + 1]) << 5 ^ Int(data[i + 2])) & (hashSize - 1)
        }
        func insert(_ i: Int) {
            guard i + minMatch <= data.count else { return }
            let h = hash(i)
            previous[i & (windowSize - 1)] = head[h]
            head[h] = i
        }
        var position = 0
        while position < data.count {
            var bestLength = 0, bestDistance = 0
            if position + minMatch <= data.count {
                var candidate = head[hash(position)]
                var chain = 0
                let limit = min(maxMatch, data.count - position)
                while candidate >= 0, position - candidate <= windowSize, chain < maxChain {
                    var length = 0
                    while length < limit, data[candidate + length] == data[position + length] { length += 1 }
                    if length > bestLength {
                        bestLength = length
                        bestDistance = position - candidate
                        if length == limit { break }
                    }
                    let next = previous[candidate & (windowSize - 1)]
                    guard next < candidate else { break }
                    candidate = next
                    chain += 1
                }
            }
            if bestLength >= minMatch {
                writeMatch(length: bestLength, distance: bestDistance, into: &writer)
                for i in position..<(position + bestLength) { insert(i) }
                position += bestLength
            } else {
                writeLiteralOrLength(Int(data[position]), into: &writer)
                insert(position)
                position += 1
            }
        }
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
                                     67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                                       1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    private static func writeMatch(length: Int, distance: Int, into writer: inout BitWriter) {
        let lengthCode = (lengthBase.lastIndex { $0 <= length })!
        writeLiteralOrLength(257 + lengthCode, into: &writer)
        writer.write(bits: UInt32(length - lengthBase[lengthCode]), count: lengthExtra[lengthCode])
        let distanceCode = (distanceBase.lastIndex { $0 <= distance })!
        writer.writeHuffman(code: UInt32(distanceCode), length: 5)
        writer.write(bits: UInt32(distance - distanceBase[distanceCode]), count: distanceExtra[distanceCode])
    }

    /// The fixed literal/length code of RFC 1951 section 3.2.6.
    private static func writeLiteralOrLength(_ symbol: Int, into writer: inout BitWriter) {
        switch symbol {
        case 0...143: writer.writeHuffman(code: UInt32(0x30 + symbol), length: 8)
        case 144...255: writer.writeHuffman(code: UInt32(0x190 + symbol - 144), length: 9)
        case 256...279: writer.writeHuffman(code: UInt32(symbol - 256), length: 7)
        default: writer.writeHuffman(code: UInt32(0xC0 + symbol - 280), length: 8)
        }
    }

    static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        var index = 0
        while index < data.count {
            // 5552 bytes is the most that can be summed before the 32-bit sums can overflow.
            let end = min(index + 5552, data.count)
            for byte in data[index..<end] {
                a += UInt32(byte)
                b += a
            }
            a %= 65521
            b %= 65521
            index = end
        }
        return b << 16 | a
    }
}

/// Packs bits least-significant first, as DEFLATE stores everything except Huffman codes.
private struct BitWriter {
    var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var bitCount = 0

    mutating func write(bits: UInt32, count: Int) {
        guard count > 0 else { return }
        buffer |= UInt64(bits & ((1 << UInt32(count)) - 1)) << UInt64(bitCount)
        bitCount += count
        while bitCount >= 8 {
            bytes.append(UInt8(buffer & 0xFF))
            buffer >>= 8
            bitCount -= 8
        }
    }

    /// Huffman codes go most-significant bit first, so they are reversed before packing.
    mutating func writeHuffman(code: UInt32, length: Int) {
        var reversed: UInt32 = 0
        for bit in 0..<length where code & (1 << UInt32(length - 1 - bit)) != 0 { reversed |= 1 << UInt32(bit) }
        write(bits: reversed, count: length)
    }

    mutating func flush() {
        if bitCount > 0 {
            bytes.append(UInt8(buffer & 0xFF))
            buffer = 0
            bitCount = 0
        }
    }
}
