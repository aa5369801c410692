// Entry point: library (work in progress)
export {};
