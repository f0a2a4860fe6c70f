/// The JSON Schema of the register format, as `riskreg schema` prints it and
/// `schema/register.schema.json` holds it.
public enum RegisterSchema {
    /// The schema's text, generated from ``RegisterFormat`` (the shipped file adds a final line break).
    public static var json: String { RegisterFormat.jsonSchema.text() }
}
