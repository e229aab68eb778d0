"""HTTP API (FastAPI). Handlers parse, call one service function and shape the response."""
