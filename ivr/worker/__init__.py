"""The callback worker: claims due callbacks from the store and dials them; imports the store and telephony."""
