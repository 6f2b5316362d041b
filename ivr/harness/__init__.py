"""Tool: the telephony test harness that plays Twilio, in-process or against a served line; may import any layer."""
