import Foundation

/// The size of a PNG image, read from its signature and IHDR chunk (PNG specification §5.2–5.3, §11.2.2).
///
/// Used to check that gnuplot produced a real image, and to give the HTML page each image's size.
public struct PNGImage: Equatable, Sendable {
    public let width: Int
    public let height: Int

    /// The eight bytes every PNG file starts with.
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// nil unless `data` starts with the PNG signature and an IHDR chunk of non-zero width and height.
    public init?(_ data: Data) {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, Array(bytes[0..<8]) == Self.signature, Array(bytes[12..<16]) == Array("IHDR".utf8)
        else { return nil }
        func bigEndian(_ start: Int) -> Int { bytes[start..<start + 4].reduce(0) { $0 << 8 | Int($1) } }
        width = bigEndian(16)
        height = bigEndian(20)
        guard width > 0, height > 0 else { return nil }
    }
}
