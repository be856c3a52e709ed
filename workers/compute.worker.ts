// placeholder replaced by the compute worker
export {};
