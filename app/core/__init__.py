"""Domain services of Ringfence. Plain Python: never imports Qt or app.ui."""
