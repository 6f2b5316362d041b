"""Pure call-flow core: the flow model, loader and schema, the contract checks, the engine and menu matching."""
