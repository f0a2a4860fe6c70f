import RegisterModel
import Scoring

/// Renders reports: register + score → Markdown or HTML, through templates.
public enum Report {
    /// The report as text.
    public static func render(register: Register, score: RegisterScore, options: ReportOptions,
                              templates: ReportTemplates, since: ReviewChanges? = nil) throws(TemplateError) -> String {
        let context = ReportBuilder(register: register, score: score, options: options, since: since).build()
        return try templates.render(context, options: options)
    }
}
