// The `MonteCarlo` module.
