import Foundation

/// A git repository in a temporary folder, for tests that read registers at earlier revisions.
/// Its user name and email are set locally, so commits work on machines with no git identity.
public final class TemporaryRepository: @unchecked Sendable {
    public let root: URL

    public init() throws {
        root = try TestSupport.temporaryFolder()
        try git("init", "--quiet")
        try git("symbolic-ref", "HEAD", "refs/heads/main")
        try configure()
    }

    /// A clone of `upstream`, as a CI runner checks out a pull request: `origin/main` exists.
    public init(cloning upstream: TemporaryRepository) throws {
        root = try TestSupport.temporaryFolder()
        try git("clone", "--quiet", upstream.root.path, ".")
        try configure()
    }

    private func configure() throws {
        try git("config", "user.name", "Test Officer")
        try git("config", "user.email", "officer@example.org")
        try git("config", "commit.gpgsign", "false")
        try git("config", "core.hooksPath", ".git/hooks")
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    public func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Writes `text` to `relative`, creating folders as needed.
    public func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    public func read(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    /// Writes `text` to `relative` and commits it.
    public func commit(_ relative: String, _ text: String, message: String) throws {
        try write(relative, text)
        try git("add", relative)
        try git("commit", "--quiet", "-m", message)
    }

    /// Runs git in the repository; throws when it fails.
    @discardableResult
    public func git(_ arguments: String...) throws -> String {
        let result = try run(["git"] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "git \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
        return result.stdout
    }

    /// Runs a command in the repository with `/usr/bin/env`.
    public func run(_ arguments: [String], environment: [String: String] = [:]) throws -> TestSupport.ProcessResult {
        // A test run from inside a hook must not act on the outer repository.
        try TestSupport.run(
            URL(fileURLWithPath: "/usr/bin/env"), arguments, in: root, environment: environment,
            removing: ["GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "GIT_PREFIX"])
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }
}

/// A small register for diff tests, with every part a diff looks at. Each risk is written from
/// its own parameters so a test can change one thing at a time.
public struct TestRegister: Sendable {
    public struct Entry: Sendable {
        public var id: String
        public var strategy = "reduction"
        public var outcome = "cost"
        public var owner = "Facilities manager"
        public var likelihood = "20%"
        public var impact = "{pert: [1k, 4k, 20k]}"
        public var contributors = "[friends]"
        public var confidential = false
        public var response: String? = nil
        public var benefit: String? = nil

        public init(id: String) { self.id = id }
    }

    public var risks: [Entry]
    public var appetiteLimit = "1 in 10"
    public var hoursTitle = "Opening hours lost"

    public init(risks: [Entry]) { self.risks = risks }

    /// Three risks: A and B in money, each with a response, and C in hours without one.
    public static var standard: TestRegister {
        var a = Entry(id: "A")
        a.response = "{action: Gutters, cost: 500, reliability: 90%, reduces-likelihood-by: 50%}"
        var b = Entry(id: "B")
        b.likelihood = "1 in 8"
        b.impact = "{lognormal: [2k, 30k]}"
        b.response = "{action: Excess fund, cost: 1k, reduces-impact-by: 20%}"
        var c = Entry(id: "C")
        c.outcome = "hours"
        c.strategy = "resilience"
        c.likelihood = "40%"
        c.impact = "{pert: [5, 20, 60]}"
        return TestRegister(risks: [a, b, c])
    }

    public var text: String {
        var s = """
        riskreg: 1
        register:
          id: test-register
          title: Test register
          organisation: Example Council
          horizon: 12 months
          currency: EUR
        outcomes:
          - id: cost
            title: Unplanned cost
            unit: money
          - id: hours
            title: \(hoursTitle)
            unit: hours
        appetite:
          - outcome: cost
            loss-exceeds: 20k
            at-most: \(appetiteLimit)
        contributors:
          - {id: friends, name: Friends group, kind: community, public: true}
          - {id: staff, name: Staff, kind: staff}
        risks:

        """
        for r in risks {
            s += """
              - id: \(r.id)
                title: Risk \(r.id)
                outcome: \(r.outcome)
                strategy: \(r.strategy)
                owner: \(r.owner)
                coproduction: {mode: co-assessment, contributors: \(r.contributors)}
                estimates:
                  - likelihood: \(r.likelihood)
                    impact: \(r.impact)

            """
            if let benefit = r.benefit { s += "        benefit: \(benefit)\n" }
            if let response = r.response { s += "    response: \(response)\n" }
            if r.confidential { s += "    confidential: true\n" }
        }
        return s
    }
}
