// The `RegisterLoader` module.
