"""Tooling for the onboarding curriculum site: the model, build hooks and checker."""
