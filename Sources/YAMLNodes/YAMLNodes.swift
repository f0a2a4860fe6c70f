// The `YAMLNodes` module.
