import Distributions
import Testing
@testable import MonteCarlo

/// The limits that keep every figure finite and every sampler bounded, and the engine's
/// robustness at and beyond them.
@Suite("Numeric limits")
struct NumericLimitsTests {
    @Test func theNormalSamplerReachesNoFurtherThanTheStatedReach() {
        // nextOpenUnit's extremes are 2⁻⁵³ and 1 − 2⁻⁵³.
        let lowest = SpecialFunctions.normalQuantile(0x1p-53)
        let highest = SpecialFunctions.normalQuantile(1 - 0x1p-53)
        #expect(lowest < -8 && lowest >= -NumericLimits.samplerReach)
        #expect(highest > 8 && highest <= NumericLimits.samplerReach)
    }

    @Test func factoriesRefuseShapesTheSamplersCannotDrawInBoundedTime() {
        #expect(throws: DistributionError.shapeOutOfRange(parameter: "alpha", value: 1e10, range: Distribution.betaShapes)) {
            try Distribution.beta(alpha: 1e10, beta: 1)
        }
        #expect(throws: DistributionError.shapeOutOfRange(parameter: "beta", value: 1e-3, range: Distribution.betaShapes)) {
            try Distribution.beta(alpha: 1, beta: 1e-3)
        }
        #expect(throws: DistributionError.shapeOutOfRange(parameter: "shape", value: 1e300, range: 0...Distribution.maximumPertShape)) {
            try Distribution.pert(min: 0, mode: 1, max: 10, shape: 1e300)
        }
    }

    @Test("samplers at the shape limits give draws within the support", arguments: [
        try! Distribution.beta(alpha: 1e4, beta: 1), try! Distribution.beta(alpha: 1, beta: 1e4),
        try! Distribution.beta(alpha: 1e4, beta: 1e4), try! Distribution.beta(alpha: 0.01, beta: 0.01),
        try! Distribution.beta(alpha: 0.01, beta: 1e4), try! Distribution.pert(min: 0, mode: 1, max: 1e15, shape: 1e4),
        try! Distribution.pert(min: 0, mode: 0, max: 1, shape: 1e4),
    ])
    func samplersAtTheLimits(_ d: Distribution) {
        var g = Xoshiro256PlusPlus(seed: 5)
        let support = d.support
        for _ in 0..<20_000 {
            let x = d.sample(using: &g)
            #expect(support.contains(x), "draw \(x) outside \(support)")
            if !support.contains(x) { return }
        }
    }

    @Test func reachOfUnboundedFamilies() {
        #expect(NumericLimits.violation(.lognormal(p5: 1e6, p95: 1e9), kind: .amount) == nil)
        guard case .reach(let v)? = NumericLimits.violation(.lognormal(p5: 1e9, p95: 1e12), kind: .amount) else {
            Issue.record("a lognormal reaching beyond 1e18 must be refused")
            return
        }
        #expect(v > NumericLimits.maximumReach)
        #expect(NumericLimits.violation(.normal(mean: 1e15, sd: 1e15), kind: .amount) == nil)
        #expect(NumericLimits.violation(.fixed(1e308), kind: .amount) == .amount(1e308))
        #expect(NumericLimits.violation(.lognormal(p5: 1, p95: 1000), kind: .frequency) == nil)
        #expect(NumericLimits.violation(.uniform(min: 1, max: 1e12), kind: .frequency) == .frequency(1e12))
    }

    @Test("histograms of degenerate samples are finite", arguments: [
        [0, 5e-324, 1e-323, 5e-324], [-1.7e308, 1.7e308, 0, 1], [3, 3, 3], [-0.0, 0.0, 1e-320],
    ])
    func histogramOfDegenerateSample(_ values: [Double]) {
        var x = values
        let summary = x.withUnsafeMutableBufferPointer {
            Summariser(batches: 2, histogramBins: 40, exceedancePoints: 4, jobs: 1).summarise($0, thresholds: [])
        }
        #expect(summary.histogram.binWidth.isFinite && summary.histogram.binWidth > 0)
        #expect(summary.histogram.counts.reduce(0, +) == values.count)
    }

    @Test func binsOfValuesThatAreNotNumbersDoNotTrap() {
        #expect(Summariser.bin(of: .nan, lowerBound: 0, width: 1, bins: 40) == 0)
        #expect(Summariser.bin(of: .infinity, lowerBound: 0, width: 1, bins: 40) == 39)
        #expect(Summariser.bin(of: 5, lowerBound: 0, width: 0, bins: 40) == 39)
        #expect(Summariser.bin(of: 2.5, lowerBound: 0, width: 1, bins: 40) == 2)
    }

    @Test func anUncertainFrequencyBeyondTheLimitIsRefusedByThePlan() throws {
        let estimate = SimulationPlan.Estimate(occurrence: .uncertainFrequency(try .uniform(min: 1, max: 1e12)), impact: try .fixed(1))
        #expect(throws: PlanError.self) {
            try SimulationPlan(outcomeCount: 1, risks: [.init(key: 1, outcome: 0, estimates: [estimate])], views: [.init(name: "v", weights: [[1]])])
        }
    }
}
