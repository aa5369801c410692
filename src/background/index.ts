// Entry point: background (work in progress)
export {};
