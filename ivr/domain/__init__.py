"""Pure rules of the contact center (receipts, offices, zones, hours, slots, spoken dates); imports no other layer."""
