internal import CYAML

/// The libyaml the program is linked against.
public enum LibYAML {
    /// The version string libyaml reports at run time, such as `0.2.5`.
    public static var version: String {
        String(cString: yaml_get_version_string())
    }
}
