extension ReportContext {
    /// The community report's own words, for residents: whole sentences from the catalogue's
    /// `community.` phrases, with no statistical terms. Present in community reports only; the
    /// board's fields stay available for the "For those who want the detail" part.
    public struct Community: Sendable {
        /// The page's heading, as `report.heading`, with the register's title marked with its
        /// language where it is not the page's (`report.heading` is also the `<title>`, which
        /// cannot hold markup).
        public var heading: String
        /// What the register is and what this page does, in two or three sentences.
        public var intro: String
        /// What the page leaves out, in plain words: how many entries are kept private, and why
        /// some who helped are not named; absent when neither is.
        public var withheld: String?
        /// One per limit the organisation has set, with an icon array for its chance.
        public var limits: [CommunityLimit]
        /// Which option the limits' figures assume, where options are still to be chosen, so
        /// that a proposal does not read as how things stand today; absent otherwise.
        public var limitsIntro: String? = nil
        /// The options being compared, each with every limit's verdict, the outcomes' averages
        /// and its own cost; empty when the register compares none.
        public var options: [CommunityOption]
        /// What holds for all the options together, said once where they are compared: the
        /// outcomes whose figures are the same under every option (the register does not work
        /// out how the options change them), and the limits no option keeps; empty when none.
        public var optionsNotes: [String] = []
        /// Each public entry: what could happen, how likely, what is done, what people gain.
        public var entries: [CommunityEntry]
        /// Each contributor with what they did, named only where they agreed.
        public var helpers: [String]
        /// How many entries do not record yet who helped (after an import); absent when all do.
        public var helpersNote: String?
        /// How much each group's estimates count, in words, and what that changed: the limits
        /// and aims that would read otherwise with every group counting the same, or that none would.
        public var weights: [String]
        /// Each group that gave estimates: who is in it and for how many entries.
        public var groups: [String]
        /// Where residents' or service users' estimates differed from the officers': each
        /// entry with every group that estimated it, and the groups together.
        public var comparisons: [CommunityComparison]
        /// ``comparisons`` as one sentence each.
        public var compared: [String]
        /// What is being done, for the detail section: the board's response rows, each with a
        /// note where it avoids less money than it costs.
        public var responses: [CommunityResponse]
        /// Where the responses' costs are paid from, and that no outcome's figures hold them;
        /// absent when no response costs anything.
        public var responsesCost: String?
        /// "You said, we did": what changed in entries the community helped with (`--since`).
        public var youSaid: [String]
        /// Whether `--since` was given, so the section can say that nothing changed.
        public var hasSince: Bool
        /// What happens next: the next decision and when, how to respond, and when the list is
        /// next reviewed; empty when the register says none of these.
        public var nextSteps: [String]
        /// How to get in touch or take part.
        public var contact: String
        /// ``contact`` in two parts: the page's own words ("You are welcome to ask us
        /// anything.", or the whole sentence when the register gives no contact) …
        public var contactIntro: String
        /// … and the register's `contact`, as written; absent when it gives none.
        public var contactText: String?
        /// How the figures were made, in plain words.
        public var method: String
        /// What the detail section is: the tables the body that decides (`decided-by`) reads,
        /// named as the register names it rather than "the board".
        public var detailIntro: String = ""
        /// The few terms the detail tables still use, each explained in a sentence.
        public var glossary: [String] = []
        /// What made the figures, in plain words, ending where the templates put the command
        /// that reproduces them (`run.command`, with the register's path relative to the
        /// repository): the riskreg and libyaml versions, the date and the number of simulated
        /// periods.
        public var reproduce: String
        /// How a resident can check the figures, in plain words: that every figure comes from
        /// one file, the list as it stood on the report's date, whom to ask for a copy, and that
        /// anyone who works the figures out again from it gets the same numbers. Said before
        /// ``reproduce``, which the built-in templates set apart for those who use riskreg.
        public var checkFigures: String = ""
        /// The language of the register's own text (its `language`, English when it names
        /// none) where it differs from the page's; absent otherwise. The built-in templates no
        /// longer need it: each register text shown in another language than the page's already
        /// carries its own `lang` in HTML (``LanguageMark``), whether it is in the register's
        /// language or, where a translation is missing, in another.
        public var textLanguage: String?
    }

    /// One option residents are asked to react to, as the comparison run scores it.
    public struct CommunityOption: Sendable {
        public var title: String
        /// The register's words for it.
        public var description: String?
        /// The entries it brings that not every option has, by title and code; absent when it
        /// brings none.
        public var members: String?
        /// That the rest of the page assumes this option; absent for the others.
        public var assumed: String?
        /// Each limit under this option: what it is about, the chance, what is accepted, and
        /// the verdict, in one line.
        public var limits: [String]
        /// "What we expect on average in the next year:", before ``averages``; absent when
        /// there are none.
        public var expected: String?
        /// Each outcome's average under this option: "“Burglaries”: 3.74 incidents more than
        /// the police forecast".
        public var averages: [String]
        /// The option's own cost and where it is counted; absent when it states none.
        public var cost: String?
    }

    /// A planned response as the detail section lists it.
    public struct CommunityResponse: Sendable {
        public var riskTitle: String
        public var action: String
        public var deliveredBy: String
        public var cost: String
        /// What it avoids on average, with its unit.
        public var value: String
        /// ``value`` in a clause that follows the cost, in the outcome's words: "and on average
        /// avoids €443 of loss.", "and on average prevents about 7 incidents.", never "6.88
        /// incidents of loss".
        public var avoids: String = ""
        /// Whom it protects, and from what: "It protects “The patient who follows the advice”
        /// from “An expert patient gives advice …”." Said before the action and its cost; the
        /// community page does not weigh the cost against the harm avoided.
        public var protects: String = ""
    }

    /// One entry's chance as each group that estimated it sees it.
    public struct CommunityComparison: Sendable {
        /// The entry's title.
        public var title: String
        /// "Municipality and police: 10 in 100", one per group that estimated the entry.
        public var views: [String]
        /// All of them together, and with the planned actions where those change it.
        public var together: String
    }

    public struct CommunityLimit: Sendable {
        public var outcome: String
        /// The limit, the estimate and whether it is kept, in sentences.
        public var sentence: String
        /// For a limit on harm: where a residents' or volunteers' group put the chance of an
        /// entry on the outcome far from the officers' estimate, one sentence each.
        public var differences: [String]
        /// "Within the limit", "Over the limit", "Too close to say".
        public var status: String
        /// `within`, `outside` or `close`, for styling.
        public var statusClass: String
        public var icons: IconArray
        /// What the outcome counts, in the register's words (its description): the baseline a
        /// limit is measured from ("incidents above the police forecast"); absent without one.
        public var about: String?
        /// What happens if the limit is not kept: the register's `if-missed`, or that the board
        /// takes it up again.
        public var ifMissed: String
        /// The limit in the register's own words, quoted, with who set it (`decided-by`);
        /// absent where the register gives no statement.
        public var statement: String? = nil
    }

    public struct CommunityEntry: Sendable {
        public var id: String
        public var title: String
        public var description: String?
        /// "How likely: …", matching ``icons``.
        public var likely: String
        public var icons: IconArray
        /// Whether ``icons`` is a picture to show: false for the planned result of an option,
        /// which has no chance to draw.
        public var hasIcons = true
        /// What it affects and how much harm, when it happens.
        public var harm: String
        public var affected: String?
        /// "Who gains: …", the register's `benefit-to`, beside who would be hurt; absent
        /// where the register names nobody.
        public var gainsTo: String? = nil
        /// "What matters to the person: …", the agreement's `what-matters` for a risk taken on
        /// purpose; absent where the register gives none.
        public var whatMatters: String? = nil
        public var action: String?
        /// What the action changes.
        public var actionEffect: String?
        /// What people gain, for entries taken on purpose.
        public var gain: String?
        /// Where an entry both harms and benefits an outcome: what it comes to there on
        /// average, the times it goes wrong counted in.
        public var net: String? = nil
        public var helpedBy: String?
        /// The groups of the people the service is for that gave no estimate for this entry,
        /// and whose estimates the figures use instead; absent when every such group gave one.
        public var notEstimated: String? = nil
        /// For an activity that is one of the options being compared: that it is, and whether
        /// the page's figures assume it.
        public var option: String?
        /// What is still to be checked (an imported entry's placeholders), in plain words.
        public var unchecked: String?
    }

    /// A chance drawn as 100 or 1,000 marks, some filled: the natural frequency in a picture.
    public struct IconArray: Sendable {
        /// 100, or 1,000 where the section's chances are out of 1,000; 0 for an entry that has
        /// no picture (the planned result of an option).
        public var total: Int
        /// The filled marks: always the bad case (it happens, it goes past the limit, it falls
        /// short of the aim).
        public var marked: Int
        /// "Imagine the next year played out a hundred times. Each filled square is one time it
        /// goes past the limit: 11 of the 100. …", the picture in words.
        public var label: String
        /// HTML: inline `<svg>`; empty in Markdown.
        public var svg: String
        /// Markdown: ten rows of ten squares (■ filled, □ empty, as the words and the HTML say), one per line; empty in HTML and
        /// for 1,000 marks.
        public var rows: [String]
    }
}
