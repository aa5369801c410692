// Entry point: content (work in progress)
export {};
