extension SimulationPlan {
    /// Someone who delivers responses and may not turn up: a volunteer group, a panel of service
    /// users, a partner body. Its availability is drawn once per trial and shared by every
    /// response it delivers, so those responses fail together.
    ///
    /// The dependence model: in each trial the deliverer is available when its own draw falls
    /// below ``availability`` and no ``StepBack`` fires. A step-back fires when its entry occurs
    /// in that trial (inherent occurrence, before any response acts, under the view being
    /// simulated) and the step-back's own draw falls below its ``StepBack/chance``. A response
    /// with deliverers is delivered when its own reliability draw succeeds and every one of its
    /// deliverers is available; the draws are independent of each other.
    public struct Deliverer: Sendable, Codable, Hashable {
        /// The stream key: ``StableHash/fnv1a64(_:)`` of the contributor's id. Keys must be
        /// distinct among deliverers; the deliverer lanes keep them apart from risk keys.
        public var key: UInt64
        /// Probability in [0, 1] that the deliverer is available in a trial, before step-backs.
        public var availability: Double
        /// Entries whose occurrence makes the deliverer step back.
        public var stepsBack: [StepBack]

        public init(key: UInt64, availability: Double = 1, stepsBack: [StepBack] = []) {
            self.key = key
            self.availability = availability
            self.stepsBack = stepsBack
        }
    }

    /// "This deliverer steps back when that entry happens": with probability ``chance`` in each
    /// trial in which risk ``risk`` occurs.
    public struct StepBack: Sendable, Codable, Hashable {
        /// Index of the risk whose occurrence the deliverer reacts to.
        public var risk: Int
        /// Probability in [0, 1] that the deliverer is unavailable in a trial where the risk occurs.
        public var chance: Double

        public init(risk: Int, chance: Double = 1) {
            self.risk = risk
            self.chance = chance
        }
    }
}
