import Foundation

/// A progress bar on standard error, shown only on a terminal and only once a run has taken
/// half a second, so quick runs and pipes stay clean. Safe to update from worker threads.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let start = Date()
    private let lock = NSLock()
    private let enabled = Output.stderrIsTerminal
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(label: String) {
        self.label = label
    }

    /// Records that `fraction` (0...1) of the work is done.
    @Sendable func update(_ fraction: Double) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(start) > 0.5, now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        drawn = true
        let width = 30
        let filled = Int((min(max(fraction, 0), 1) * Double(width)).rounded())
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        Output.errPart("\r\(label) [\(bar)] \(Int(fraction * 100))%")
    }

    /// Clears the bar, if one was drawn.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn {
            Output.errPart("\r\u{1B}[2K")
            drawn = false
        }
    }
}
