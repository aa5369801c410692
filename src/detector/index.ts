// Entry point: detector (work in progress)
export {};
