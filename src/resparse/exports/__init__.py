"""Output formats: one module per target, each taking a Resolution."""
