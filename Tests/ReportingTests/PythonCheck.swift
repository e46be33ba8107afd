import ChildProcess
import Foundation

/// Runs a Python 3 script (an independent reader for our PNG and zlib output) and returns stdout.
enum PythonCheck {
    static func run(_ script: String, arguments: [String]) throws -> String {
        try ChildProcess.pythonOutput(script, arguments).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether `python3` can import scipy (and numpy, which it needs): the cross-checks of the
    /// rliable measures against scipy are skipped without it, and nothing is installed for them.
    static let hasScipy: Bool = (try? ChildProcess.python("import numpy, scipy.stats").status) == 0

    static func temporaryFile(_ bytes: [UInt8], name: String) throws -> String {
        let path = NSTemporaryDirectory() + "reporting-\(getpid())-\(UUID().uuidString)-\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Reads a PNG chunk by chunk, checks every CRC, inflates IDAT with zlib and undoes filter 0;
    /// prints "width height sha256-of-pixels chunk-types".
    static let pngReader = """
    import sys, struct, zlib, hashlib
    data = open(sys.argv[1], 'rb').read()
    assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n', 'bad signature'
    pos, chunks, idat = 8, [], b''
    while pos < len(data):
        length, = struct.unpack('>I', data[pos:pos+4]); kind = data[pos+4:pos+8]
        body = data[pos+8:pos+8+length]; crc, = struct.unpack('>I', data[pos+8+length:pos+12+length])
        assert zlib.crc32(kind + body) & 0xffffffff == crc, 'bad CRC in ' + kind.decode()
        chunks.append(kind.decode())
        if kind == b'IHDR': width, height, depth, colour, _, _, _ = struct.unpack('>IIBBBBB', body)
        if kind == b'IDAT': idat += body
        pos += 12 + length
    assert (depth, colour) == (8, 2), 'not 8-bit RGB'
    raw = zlib.decompress(idat)
    stride = width * 3 + 1
    assert len(raw) == height * stride, 'wrong inflated size'
    assert all(raw[row * stride] == 0 for row in range(height)), 'unexpected filter type'
    pixels = b''.join(raw[row * stride + 1:(row + 1) * stride] for row in range(height))
    print(width, height, hashlib.sha256(pixels).hexdigest(), ','.join(chunks))
    """
}
