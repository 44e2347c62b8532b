"""Development and operations tooling, kept out of the installed package (pyproject.toml):
the classifier's evaluation and cross-validation, the README's figures, the local cluster, the
load test and the throwaway servers the tests start."""
