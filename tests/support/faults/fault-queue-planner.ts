// The queue planner of the fault-injection tests: the shipped planner with a walk that also
// accepts `*.fault-<kind>` files, so a queued batch can carry the same faults as a local one.
import { serveQueuePlanner } from '../../../src/workers/child/queue-planner';
import { isFaultFile } from './faults';

serveQueuePlanner({ acceptName: isFaultFile });
