import ArgumentParser
import Distributions
import Foundation
import MonteCarlo
import Scoring

/// The options `score` and `report` share: how many trials, which seed, which view.
struct ScoringArguments: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Trials to simulate; each is one horizon.",
        valueName: "n"))
    var trials: Int = ScoringOptions.defaultTrials

    @Option(help: ArgumentHelp(
        "Seed for the random streams. The same register and seed give the same numbers on any machine and thread count.",
        valueName: "n"))
    var seed: UInt64 = ScoringOptions.defaultSeed

    @Option(help: ArgumentHelp("Worker threads (default: every core). Results do not depend on it.", valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp(
        "Add trials until the 95% half-width of every P95 is within this fraction of it (for example 0.01), up to --max-trials. Each check projects the trials every P95 still needs and runs to the largest, so most runs check once or twice.",
        valueName: "fraction"))
    var precision: Double?

    @Option(help: ArgumentHelp("The cap for --precision: at most 100,000,000. The run stops before it, at the first check, when a P95 would need more trials than the cap (it says which, and how many, on standard error).", valueName: "n"))
    var maxTrials: Int = ScoringOptions.defaultMaxTrials

    @Option(help: ArgumentHelp("Score from one perspective only, by its id (default: each perspective and the pooled view).", valueName: "id"))
    var perspective: String?

    @Option(help: ArgumentHelp("Score with one portfolio's activities, by its id (default: the first portfolio).", valueName: "id"))
    var portfolio: String?

    @OptionGroup var asOfOption: AsOfOption

    func validate() throws {
        guard trials >= 2 else { throw ValidationError("--trials must be at least 2 (got \(trials))") }
        guard trials <= NumericLimits.maximumTrials else { throw ValidationError("--trials must be at most 100,000,000 (got \(trials)); use --precision to stop early") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
        if let precision, !(precision > 0 && precision < 1) {
            throw ValidationError("--precision is a fraction between 0 and 1, such as 0.01 for 1% (got \(precision))")
        }
        guard maxTrials <= NumericLimits.maximumTrials else { throw ValidationError("--max-trials must be at most 100,000,000 (got \(maxTrials))") }
        guard maxTrials >= trials else { throw ValidationError("--max-trials (\(maxTrials)) must be at least --trials (\(trials))") }
    }

    var options: ScoringOptions {
        var options = ScoringOptions(
            seed: seed, trials: trials, precision: precision, maxTrials: maxTrials,
            perspective: perspective, portfolio: portfolio, asOf: asOfOption.asOf)
        if let jobs { options.jobs = jobs }
        return options
    }
}
