export { UpstreamAnswerError, UpstreamError, UpstreamUnavailableError } from './errors.js';
export {
  JsonClient,
  type JsonClientOptions,
  type Method,
  type RequestOptions,
} from './json-client.js';
