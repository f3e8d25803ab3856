package io.github.mxmembers.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.io.CloseMode;

/**
 * The benchmark's server, run in its own JVM so that its work is not counted against either
 * client: HttpCore 5's classic server answering every {@code PUT} with the Platform reference page's
 * member, after an optional delay, and counting the connections the updates arrived on.
 * {@code GET /stats} reports {@code connections requests}. Listens on 127.0.0.1 only and prints
 * {@code PORT <n>} once ready; it stops when its standard input closes, so it never outlives the
 * benchmark.
 *
 * <p>Arguments: {@code [delayMillis]}.
 */
public final class LoopbackServer {
  private LoopbackServer() {}

  public static void main(String[] args) throws IOException {
    long delayMillis = args.length > 0 ? Long.parseLong(args[0]) : 0;
    byte[] member;
    try (InputStream in = LoopbackServer.class.getResourceAsStream("platform-member.json")) {
      member = in.readAllBytes();
    }
    Set<SocketAddress> connections = ConcurrentHashMap.newKeySet();
    AtomicLong requests = new AtomicLong();

    HttpServer server =
        ServerBootstrap.bootstrap()
            .setLocalAddress(InetAddress.getLoopbackAddress())
            .setListenerPort(0)
            .setCanonicalHostName("127.0.0.1")
            .register(
                "*",
                (request, response, context) -> {
                  if ("GET".equals(request.getMethod())) {
                    String stats = connections.size() + " " + requests.get();
                    response.setCode(200);
                    response.setEntity(new ByteArrayEntity(stats.getBytes(StandardCharsets.US_ASCII), ContentType.TEXT_PLAIN));
                    return;
                  }
                  connections.add(HttpCoreContext.cast(context).getEndpointDetails().getRemoteAddress());
                  requests.incrementAndGet();
                  EntityUtils.consume(request.getEntity());
                  if (delayMillis > 0) {
                    try {
                      Thread.sleep(delayMillis);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                  response.setCode(200);
                  response.setHeader("X-Request-Id", "bench-request");
                  response.setEntity(new ByteArrayEntity(member, ContentType.APPLICATION_JSON));
                })
            .create();
    server.start();
    System.out.println("PORT " + server.getLocalPort());
    System.out.flush();
    while (System.in.read() >= 0) {
      // runs until the benchmark closes our standard input (or dies)
    }
    server.close(CloseMode.IMMEDIATE);
    System.exit(0);
  }
}
