"""The scanner engine. Runs inside the engine worker process: no Qt, no network, no app.core."""
