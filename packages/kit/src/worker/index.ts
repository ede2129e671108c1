export { PollingWorker, type PollingWorkerOptions, type WorkerLogger } from './polling-worker.js';
