/** The web worker that runs the model in a browser, off the extension host's thread (see modelServer.ts). */
import { ModelServer } from './modelServer';
import type { FromWebModel, ToWebModel } from './modelProtocol';

const scope = self as unknown as { postMessage(message: FromWebModel): void; onmessage: ((event: MessageEvent<ToWebModel>) => void) | null };
const server = new ModelServer((message) => scope.postMessage(message));
scope.onmessage = (event) => server.receive(event.data);
