"""The desktop console (PySide6). Everything Qt lives here; core services run on worker threads."""
