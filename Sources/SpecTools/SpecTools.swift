// The review tools: diff and docs check.
