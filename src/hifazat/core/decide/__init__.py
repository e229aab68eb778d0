"""Decide: signals + guideline thresholds + operator rules -> a Verdict."""
