extension Register {
    /// The perspectives that speak for citizens: those whose contributors include service users
    /// or a community group.
    public var citizenPerspectives: Set<String> {
        let citizens = Set(contributors.filter { $0.kind == .user || $0.kind == .community }.map(\.id))
        return Set(perspectives.filter { $0.contributors.contains(where: citizens.contains) }.map(\.id))
    }

    /// The entries no citizen perspective estimated ("not consulted"), in register order.
    /// Lazily filtered: an eager filter would copy every entry of a large register first.
    public var notConsulted: [String] {
        let citizens = citizenPerspectives
        return Array(risks.lazy.filter { !$0.estimates.contains { citizens.contains($0.perspective) } }.map(\.id))
    }
}
