"""Operators' CSV files turned into checked domain rows, each problem with its line; pure, imports only ivr.domain."""
