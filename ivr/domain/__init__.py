"""Pure rules of the contact center: receipts, offices and zones, hours, slots, spoken dates; imports no app, store or Twilio."""
