import Testing
@testable import TensorBoardEvents

/// Events and their framing against bytes written by TensorBoard 2.21's own Python code
/// (`event_pb2.Event(...).SerializeToString()` framed by `record_writer.RecordWriter`).
@Suite struct EventEncodingTests {
    static func bytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            out.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return out
    }

    /// A file-version event at wall time 1.7e9, step 0, then scalars at step 7, as TensorBoard frames them.
    static let referenceFile = bytes(
        "1800000000000000a37f4b220900000040fc54d9411a0d627261696e2e4576656e743a32eced8f9d"
        + "46000000000000007235b9a509000000000000f83f10072a390a1a0a136368617274732f737563636573735f72617465"
        + "150000803e0a1b0a146576616c2f72656163682d76332f72657475726e15000060c0cdd398b0")

    static let versionEvent = Event(wallTime: 1_700_000_000, step: 0, content: .fileVersion(Event.currentFileVersion))
    static let scalarEvent = Event(wallTime: 1.5, step: 7, content: .scalars([
        .init(tag: "charts/success_rate", value: 0.25), .init(tag: "eval/reach-v3/return", value: -3.5),
    ]))

    @Test func encodesAndFramesLikeTensorBoard() {
        let file = EventRecord.framed(Self.versionEvent.encoded()) + EventRecord.framed(Self.scalarEvent.encoded())
        #expect(file == Self.referenceFile)
    }

    @Test func maskedChecksumsMatchTensorFlow() {
        // masked_crc32c from tensorboard.summary.writer.record_writer.
        #expect(EventRecord.maskedCRC32C([UInt8]()) == 0xA282_EAD8)
        #expect(EventRecord.maskedCRC32C(Array("123456789".utf8)) == 0xC78A_B0E5)
    }

    @Test func negativeStepAndEmptySummaryAsProtobufWritesThem() {
        let event = Event(wallTime: 2, step: -1, content: .scalars([]))
        #expect(event.encoded() == Self.bytes("09000000000000004010ffffffffffffffffff012a00"))
        #expect(Event.decode(event.encoded()) == event)
    }

    @Test func readsBackItsRecordsAndStopsAtATornOne() {
        let file = Self.referenceFile
        let whole = EventRecord.records(in: file)
        #expect(whole.validLength == file.count)
        #expect(whole.records.compactMap(Event.decode) == [Self.versionEvent, Self.scalarEvent])
        let firstLength = EventRecord.framed(Self.versionEvent.encoded()).count
        // Every cut inside the second record keeps exactly the first.
        for cut in firstLength..<file.count {
            let torn = EventRecord.records(in: Array(file[..<cut]))
            #expect(torn.records.count == 1 && torn.validLength == firstLength, "cut at \(cut)")
        }
        // A flipped bit in the second record's data fails its checksum.
        var corrupt = file
        corrupt[firstLength + 20] ^= 0x01
        #expect(EventRecord.records(in: corrupt).validLength == firstLength)
        // A flipped bit in a length fails the length's checksum instead of reading far.
        var badLength = file
        badLength[firstLength + 3] ^= 0x40
        #expect(EventRecord.records(in: badLength).validLength == firstLength)
    }

    @Test func refusesMalformedMessages() {
        #expect(Event.decode([0x2A, 0x05, 0x0A]) == nil)  // summary longer than the message
        #expect(Event.decode([0x10]) == nil)  // varint cut short
        #expect(Event.decode([]) == nil)  // neither a version nor a summary
    }

    @Test func fileNamesAreOneComponentTensorBoardReads() {
        #expect(EventFileName.make(unixSeconds: 1_700_000_000, host: "node-3") == "events.out.tfevents.1700000000.node-3")
        #expect(EventFileName.make(unixSeconds: 42, host: "a/b") == "events.out.tfevents.0000000042.localhost")
        #expect(EventFileName.make(unixSeconds: 1, host: "") .hasSuffix(".localhost"))
        #expect(EventFileName.isEventFile("events.out.tfevents.1700000000.node-3"))
        #expect(!EventFileName.isEventFile("metrics.jsonl"))
    }
}
