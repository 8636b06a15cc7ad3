"""The publisher side of the update channel (``ringfence-channel``); never imported by the client."""
