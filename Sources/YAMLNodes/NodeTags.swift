#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The explicit tags of the nodes that have one, kept beside the nodes rather than in each.
///
/// Registers need no tags and almost no node has one, so a field for it in every node would
/// cost 16 bytes for nothing (4.8 MB for a register of 10,000 risks). A node that has a tag
/// records it here when it is made and removes it when it is freed.
enum NodeTags {
    private nonisolated(unsafe) static var tags: [ObjectIdentifier: String] = [:]
    private nonisolated(unsafe) static let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
        let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        return mutex
    }()

    static func set(_ tag: String, for node: YAMLNode) {
        locked { tags[ObjectIdentifier(node)] = tag }
    }

    static func tag(of node: YAMLNode) -> String? {
        locked { tags[ObjectIdentifier(node)] }
    }

    static func remove(_ node: YAMLNode) {
        locked { tags[ObjectIdentifier(node)] = nil }
    }

    private static func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }
}
