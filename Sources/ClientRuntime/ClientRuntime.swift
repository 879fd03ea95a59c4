// The runtime every generated client imports.
