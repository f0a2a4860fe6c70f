/// A file's lines as libyaml counts them, so a quoted line is the one a mark points at.
///
/// libyaml ends a line at LF, CR LF, a lone CR, NEL (U+0085), LS (U+2028) and PS (U+2029);
/// counting only LF would quote the wrong line of a file saved with old Mac line endings.
public struct SourceLines: Sendable {
    private let bytes: [UInt8]
    /// Byte offset where each line starts; `starts[0] == 0`.
    private let starts: [Int]
    /// Byte offset where each line's text ends (its line break, or the end of the file).
    private let ends: [Int]

    /// The bytes without a leading UTF-8 byte-order mark, which is not part of the first line.
    public static func withoutByteOrderMark(_ bytes: [UInt8]) -> [UInt8] {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }

    /// - Parameter bytes: the file as read; a leading byte-order mark is skipped.
    public init(_ bytes: [UInt8]) {
        let bytes = Self.withoutByteOrderMark(bytes)
        self.bytes = bytes
        var starts = [0]
        var ends: [Int] = []
        Self.forEachBreak(in: bytes) { at, width in
            ends.append(at)
            starts.append(at + width)
        }
        ends.append(bytes.count)
        self.starts = starts
        self.ends = ends
    }

    public var count: Int { starts.count }

    /// How many lines `bytes` has, counted as ``init(_:)`` counts them but without indexing them.
    static func count(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var lines = 1
        forEachBreak(in: bytes) { _, _ in lines += 1 }
        return lines
    }

    /// Calls `body` with the offset and width of every line break in `bytes`, in order.
    private static func forEachBreak<Bytes: RandomAccessCollection<UInt8>>(
        in bytes: Bytes, _ body: (_ at: Int, _ width: Int) -> Void
    ) where Bytes.Index == Int {
        var i = 0
        while i < bytes.count {
            if let width = breakWidth(bytes, at: i) {
                body(i, width)
                i += width
            } else {
                i += 1
            }
        }
    }

    /// The 1-based line's text without its line break, or nil past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= starts.count else { return nil }
        return String(decoding: bytes[starts[number - 1]..<ends[number - 1]], as: UTF8.self)
    }

    /// The line and column of a byte offset (columns count Unicode scalars).
    public func mark(ofByte offset: Int) -> YAMLMark {
        let clamped = min(max(offset, 0), bytes.count)
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let column = bytes[starts[low]..<clamped].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return YAMLMark(line: low + 1, column: column)
    }

    /// The width of the line break starting at `i`, or nil if none starts there.
    private static func breakWidth<Bytes: RandomAccessCollection<UInt8>>(_ b: Bytes, at i: Int) -> Int? where Bytes.Index == Int {
        switch b[i] {
        case 0x0A: return 1
        case 0x0D: return i + 1 < b.count && b[i + 1] == 0x0A ? 2 : 1
        case 0xC2 where i + 1 < b.count && b[i + 1] == 0x85: return 2
        case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9): return 3
        default: return nil
        }
    }
}
