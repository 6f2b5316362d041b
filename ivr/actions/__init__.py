"""The flow actions, each declared with its contract; imports ivr.flows and ivr.domain, the store only as a port."""
