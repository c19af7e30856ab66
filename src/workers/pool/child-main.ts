// Placeholder: the child process host lands with the pool issue.
export {};
