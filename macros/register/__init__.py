"""The page macros, registered feature by feature: each module's `register(env, build)` defines the macros of one
feature as thin wrappers that pass the page being rendered and the build's data to the plain modules of `macros`."""
