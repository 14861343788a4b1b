// dynalite for the Widget Requests local stack: an in-memory DynamoDB on 127.0.0.1 that lives only
// as long as the JVM that started it. The JVM holds this process's stdin; when the JVM ends, even
// by kill -9, the pipe closes and this process exits, so no orphan is left behind.
//
//   node server.js PORT   (0 = any free port)
// Prints "dynalite listening on PORT" once it accepts connections.
'use strict';

if (Number(process.versions.node.split('.')[0]) < 20) {
  console.error(`Node.js 20 or newer is needed for the local DynamoDB (dynalite), found ${process.version}`);
  process.exit(3);
}

const dynalite = require('dynalite');

const port = Number(process.argv[2] || 0);
// Tables are ACTIVE at once: with dynalite's default 500 ms the SDK's table waiter takes 20 s.
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });

server.on('error', (err) => {
  console.error(`dynalite could not listen on 127.0.0.1:${port}: ${err.code || err.message}`);
  process.exit(2);
});
server.listen(port, '127.0.0.1', () => {
  console.log(`dynalite listening on ${server.address().port}`);
});

process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
process.on('SIGTERM', () => process.exit(0));
// Ctrl-C reaches the whole process group: the JVM stops this process itself, after its users.
process.on('SIGINT', () => {});
