// Placeholder: the pool worker lands with the pool issue.
export default async function run(): Promise<void> {}
