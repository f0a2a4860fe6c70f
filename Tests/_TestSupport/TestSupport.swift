// Shared helpers for riskreg's tests.
