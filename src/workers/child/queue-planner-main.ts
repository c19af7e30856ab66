// The queue planner's entry (dist/queue-planner.mjs): the shipped walk, no extra names.
import { serveQueuePlanner } from './queue-planner';

serveQueuePlanner();
