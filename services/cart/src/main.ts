import { runStandalone } from '@cinesync/kit/service';
import { service } from './index.js';

await runStandalone(service);
