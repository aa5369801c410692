// Entry point: options (work in progress)
export {};
