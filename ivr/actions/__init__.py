"""The flow actions, each with its declared contract: domain rules over the store port, no Flask or Twilio."""
