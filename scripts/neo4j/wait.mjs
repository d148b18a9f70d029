// scripts/neo4j/wait.mjs — wait until a Neo4j server really answers Bolt with our credentials.
//
// An open TCP port is not enough: Neo4j accepts connections a moment before the system database can
// authenticate users. neo4j-driver's verifyConnectivity() performs the full Bolt handshake and login,
// so scripts/neo4j.sh calls this after the port opens. Reads NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD;
// `--timeout SECONDS` (default 120). Exit codes: 0 ready, 1 timed out, 2 credentials refused.
import neo4j from 'neo4j-driver';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { timeout: { type: 'string', default: '120' } } });
const timeoutSeconds = Number(values.timeout);
if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
  console.error(`neo4j/wait: --timeout ${values.timeout}; expected a positive number of seconds`);
  process.exit(64);
}
const uri = process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687';
const user = process.env.NEO4J_USER ?? 'neo4j';
const password = process.env.NEO4J_PASSWORD ?? 'fupin-test-pw';
const deadline = Date.now() + timeoutSeconds * 1000;

let lastError;
while (Date.now() < deadline) {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    connectionTimeout: 5000,
    logging: { level: 'error', logger: () => {} },
  });
  try {
    await driver.verifyConnectivity();
    await driver.close();
    process.exit(0);
  } catch (error) {
    lastError = error;
    await driver.close().catch(() => {});
    // Wrong credentials will not fix themselves: stop at once. (Neo4j locks a user after repeated
    // failures, so retrying would only make matters worse.)
    if (error?.code === 'Neo.ClientError.Security.Unauthorized') {
      console.error(`neo4j/wait: ${uri} refused user ${user}; expected NEO4J_PASSWORD to match the database`);
      process.exit(2);
    }
  }
  await sleep(500);
}
console.error(
  `neo4j/wait: ${uri} not ready after ${timeoutSeconds} s; expected a Bolt answer (${lastError?.message ?? 'no error'})`,
);
process.exit(1);
