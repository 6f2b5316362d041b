"""The flow actions, each with its declared contract: domain rules over the store port; no Flask, Twilio or store adapter."""
