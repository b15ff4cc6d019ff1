"""Scoring against gold records (`mubiao eval`) and timing (`mubiao bench`)."""
