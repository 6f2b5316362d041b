"""The telephony test harness: plays Twilio and walks whole calls, in-process or against a served line."""
