// A tiny TCP proxy in front of PostgreSQL, so a test can take the database away from the app and
// give it back: `cutOn(text)` drops the connection when the client sends a message containing
// `text` (the message is not forwarded: the server sees its client vanish mid-transaction);
// `refuse()` closes the port (new connections are refused, open ones are cut); `blackHole()`
// stalls the network (new connections are accepted and never answered, open ones go quiet);
// `restore()` serves again on the same port.
import net from "node:net";

export type TcpProxy = {
  url: string;
  cutOn(text: string): Promise<void>;
  refuse(): Promise<void>;
  blackHole(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
};

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const targetHost = target.hostname;
  const targetPort = Number(target.port || 5432);
  const sockets = new Set<net.Socket>();
  let mode: "forward" | "black-hole" = "forward";
  let trigger: { text: Buffer; hit: () => void } | null = null;
  const stalled = new Set<() => void>();

  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
  };

  const server = net.createServer((client) => {
    track(client);
    if (mode === "black-hole") return; // Hold it open, say nothing.
    const upstream = net.connect(targetPort, targetHost);
    track(upstream);
    // While black-holed, bytes on open connections are held back (a network stall) and delivered
    // on restore(), as TCP would once the network is back.
    const held: [net.Socket, Buffer][] = [];
    const send = (to: net.Socket, chunk: Buffer) => (mode === "black-hole" ? held.push([to, chunk]) : to.write(chunk));
    const flush = () => {
      for (const [to, chunk] of held.splice(0)) to.write(chunk);
    };
    stalled.add(flush);
    client.on("data", (chunk: Buffer) => {
      if (trigger && chunk.includes(trigger.text)) {
        const { hit } = trigger;
        trigger = null;
        client.destroy();
        upstream.destroy();
        hit();
        return;
      }
      send(upstream, chunk);
    });
    upstream.on("data", (chunk: Buffer) => send(client, chunk));
    client.on("close", () => {
      stalled.delete(flush);
      upstream.destroy();
    });
    upstream.on("close", () => client.destroy());
  });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });

  const port = await listen(0);
  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);

  return {
    url: url.toString(),
    cutOn(text) {
      return new Promise<void>((resolve) => {
        trigger = { text: Buffer.from(text, "utf8"), hit: resolve };
      });
    },
    refuse: stop,
    blackHole() {
      mode = "black-hole";
    },
    async restore() {
      // Connections held by the black hole stay held: the pool's connection timeout ends them.
      mode = "forward";
      for (const flush of stalled) flush();
      if (!server.listening) await listen(port);
    },
    close: stop,
  };
}
