"""Pure flow core: model, loader, schema, contracts and their checks, the engine; imports only ivr.domain."""
