"""The callback worker: claims due callbacks from the store and dials them through the telephony adapter."""
