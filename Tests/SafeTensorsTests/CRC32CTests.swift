import Testing
@testable import SafeTensors
import RandomStreams

@Suite struct CRC32CTests {
    /// Bit-at-a-time definition, to check the table-driven version against.
    static func bitwise(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
        }
        return ~crc
    }

    @Test func standardCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8]()) == 0)
        // RFC 3720 B.4: 32 bytes of zeros.
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
    }

    @Test func tableDrivenMatchesBitwiseForEveryLengthAndAlignment() {
        var random = SplitMix64(seed: 42)
        let data = random.bytes(200)
        for length in 0...70 {
            for start in 0..<8 {
                let slice = Array(data[start..<(start + length)])
                #expect(CRC32C.checksum(slice) == Self.bitwise(slice), "length \(length) start \(start)")
            }
        }
    }

    @Test func incrementalUpdatesEqualOneShot() {
        var random = SplitMix64(seed: 7)
        let data = random.bytes(1000)
        var crc = CRC32C()
        crc.update(data[0..<3])
        crc.update(data[3..<500])
        crc.update(data[500...])
        #expect(crc.value == CRC32C.checksum(data))
    }
}
