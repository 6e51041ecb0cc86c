"""The consultant's questions: what-if, explain, batch, the guided interview, pack comparison."""
