"""Pure rules of the contact center: receipts, offices and zones, hours, slots, spoken dates and numbers."""
