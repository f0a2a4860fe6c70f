extension RegisterScore {
    /// The coding path of the first figure that is not finite (infinite or NaN), or nil when
    /// every figure is finite.
    ///
    /// A register within the numeric limits never gives such a figure; this is the last check
    /// before output, so that one result JSON could not encode (or CSV would print as `inf`)
    /// is reported for its own file instead of stopping every other file's output.
    /// Walks the result once without building any text.
    public var firstNonFiniteFigure: String? {
        let finder = NonFiniteFinder()
        try? self.encode(to: finder)
        return finder.state.found.map { $0.map(\.stringValue).joined(separator: ".") }
    }
}

/// An `Encoder` that writes nothing and stops at the first non-finite `Double` or `Float`.
private final class NonFiniteFinder: Encoder {
    final class State {
        var found: [any CodingKey]?
    }

    struct Found: Error {}

    let state: State
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(state: State = State(), codingPath: [any CodingKey] = []) {
        self.state = state
        self.codingPath = codingPath
    }

    func check(_ value: Double, at path: [any CodingKey]) throws {
        guard !value.isFinite else { return }
        state.found = path
        throw Found()
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Keyed<Key>(finder: self, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(finder: self, codingPath: codingPath) }
    func singleValueContainer() -> any SingleValueEncodingContainer { Single(finder: self, codingPath: codingPath) }

    struct Index: CodingKey {
        var intValue: Int?
        var stringValue: String { intValue.map(String.init) ?? "" }
        init(_ i: Int) { intValue = i }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let finder: NonFiniteFinder
        let codingPath: [any CodingKey]
        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode(_ value: Double, forKey key: Key) throws { try finder.check(value, at: codingPath + [key]) }
        mutating func encode(_ value: Float, forKey key: Key) throws { try finder.check(Double(value), at: codingPath + [key]) }
        mutating func encode(_ value: Bool, forKey key: Key) throws {}
        mutating func encode(_ value: String, forKey key: Key) throws {}
        mutating func encode(_ value: Int, forKey key: Key) throws {}
        mutating func encode(_ value: Int8, forKey key: Key) throws {}
        mutating func encode(_ value: Int16, forKey key: Key) throws {}
        mutating func encode(_ value: Int32, forKey key: Key) throws {}
        mutating func encode(_ value: Int64, forKey key: Key) throws {}
        mutating func encode(_ value: UInt, forKey key: Key) throws {}
        mutating func encode(_ value: UInt8, forKey key: Key) throws {}
        mutating func encode(_ value: UInt16, forKey key: Key) throws {}
        mutating func encode(_ value: UInt32, forKey key: Key) throws {}
        mutating func encode(_ value: UInt64, forKey key: Key) throws {}
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try value.encode(to: NonFiniteFinder(state: finder.state, codingPath: codingPath + [key]))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(Keyed<NestedKey>(finder: finder, codingPath: codingPath + [key]))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            Unkeyed(finder: finder, codingPath: codingPath + [key])
        }
        mutating func superEncoder() -> any Encoder { NonFiniteFinder(state: finder.state, codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { NonFiniteFinder(state: finder.state, codingPath: codingPath + [key]) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let finder: NonFiniteFinder
        let codingPath: [any CodingKey]
        var count = 0
        private var next: [any CodingKey] { codingPath + [Index(count)] }
        init(finder: NonFiniteFinder, codingPath: [any CodingKey]) {
            self.finder = finder
            self.codingPath = codingPath
        }
        mutating func encodeNil() throws { count += 1 }
        mutating func encode(_ value: Double) throws { try finder.check(value, at: next); count += 1 }
        mutating func encode(_ value: Float) throws { try finder.check(Double(value), at: next); count += 1 }
        mutating func encode(_ value: Bool) throws { count += 1 }
        mutating func encode(_ value: String) throws { count += 1 }
        mutating func encode(_ value: Int) throws { count += 1 }
        mutating func encode(_ value: Int8) throws { count += 1 }
        mutating func encode(_ value: Int16) throws { count += 1 }
        mutating func encode(_ value: Int32) throws { count += 1 }
        mutating func encode(_ value: Int64) throws { count += 1 }
        mutating func encode(_ value: UInt) throws { count += 1 }
        mutating func encode(_ value: UInt8) throws { count += 1 }
        mutating func encode(_ value: UInt16) throws { count += 1 }
        mutating func encode(_ value: UInt32) throws { count += 1 }
        mutating func encode(_ value: UInt64) throws { count += 1 }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try value.encode(to: NonFiniteFinder(state: finder.state, codingPath: next))
            count += 1
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            defer { count += 1 }
            return KeyedEncodingContainer(Keyed<NestedKey>(finder: finder, codingPath: next))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            defer { count += 1 }
            return Unkeyed(finder: finder, codingPath: next)
        }
        mutating func superEncoder() -> any Encoder { NonFiniteFinder(state: finder.state, codingPath: codingPath) }
    }

    struct Single: SingleValueEncodingContainer {
        let finder: NonFiniteFinder
        let codingPath: [any CodingKey]
        mutating func encodeNil() throws {}
        mutating func encode(_ value: Double) throws { try finder.check(value, at: codingPath) }
        mutating func encode(_ value: Float) throws { try finder.check(Double(value), at: codingPath) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try value.encode(to: NonFiniteFinder(state: finder.state, codingPath: codingPath))
        }
        mutating func encode(_ value: Bool) throws {}
        mutating func encode(_ value: String) throws {}
        mutating func encode(_ value: Int) throws {}
        mutating func encode(_ value: Int8) throws {}
        mutating func encode(_ value: Int16) throws {}
        mutating func encode(_ value: Int32) throws {}
        mutating func encode(_ value: Int64) throws {}
        mutating func encode(_ value: UInt) throws {}
        mutating func encode(_ value: UInt8) throws {}
        mutating func encode(_ value: UInt16) throws {}
        mutating func encode(_ value: UInt32) throws {}
        mutating func encode(_ value: UInt64) throws {}
    }
}
