"""Pure: operators' CSV files turned into checked domain rows, each problem with its line; imports only ivr.domain."""
