// The `Scoring` module.
