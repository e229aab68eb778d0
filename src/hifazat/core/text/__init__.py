"""Text handling: normalisation with offset maps, scripts and language identification."""
