package io.github.mxmembers.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link WebhookReceiver} on the JDK's own HTTP server ({@code jdk.httpserver}; no dependency
 * beyond the JDK), for an application without a web framework, the CLI's {@code webhooks listen}
 * and tests. It answers POSTs to one path as the receiver says (404 elsewhere), each with no body;
 * {@code Allow: POST} with 405, {@code Retry-After} with 503. A body over the receiver's cap is not
 * read: the JDK's server then closes the connection rather than drain it.
 *
 * <p>MX delivers over HTTPS. Serve TLS 1.2 or later in front of it (a proxy), or start it on your own
 * {@link HttpsServer} ({@link #start(WebhookReceiver, HttpServer, String)}) configured with your
 * certificate; for mutual TLS, have that server's {@code SSLParameters} need a client certificate
 * ({@code setNeedClientAuth(true)}) and trust only MX's, and build the receiver with {@link
 * WebhookAuth#none()}.
 */
public final class WebhookServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final WebhookReceiver receiver;
  private final String path;
  /** The exchanges being answered: {@link #close()} lets them finish. */
  private int inFlight;
  private boolean closing;

  private WebhookServer(HttpServer server, WebhookReceiver receiver, String path, int threads) {
    this.server = server;
    this.receiver = receiver;
    this.path = path;
    AtomicInteger count = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "mx-webhook-server-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    server.createContext(path, this::exchange);
    server.setExecutor(executor);
    server.start();
  }

  /**
   * Listens on an address, plain HTTP (put TLS in front).
   *
   * @param receiver what handles each request
   * @param address where to listen; port 0 for any free port
   * @param path the path MX posts to, such as {@code /mx/webhooks}
   * @return the server, listening
   * @throws UncheckedIOException if it cannot listen there
   * @throws IllegalArgumentException naming {@code path} if it does not start with {@code /}
   */
  public static WebhookServer start(WebhookReceiver receiver, InetSocketAddress address, String path) {
    Objects.requireNonNull(address, "address == null");
    checkPath(path);
    Objects.requireNonNull(receiver, "receiver == null");
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("the webhook server could not listen on " + address, e);
    }
    return new WebhookServer(server, receiver, path, 8);
  }

  /**
   * Serves on a server you made, not started yet: an {@link HttpsServer} with your TLS set-up, say.
   * Its executor is replaced by the webhook server's own.
   *
   * @param receiver what handles each request
   * @param server the server, bound, not started
   * @param path the path MX posts to
   * @return the server, listening
   */
  public static WebhookServer start(WebhookReceiver receiver, HttpServer server, String path) {
    Objects.requireNonNull(receiver, "receiver == null");
    Objects.requireNonNull(server, "server == null");
    checkPath(path);
    return new WebhookServer(server, receiver, path, 8);
  }

  private static void checkPath(String path) {
    Objects.requireNonNull(path, "path == null");
    if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c == '?' || c == '#')) {
      throw new IllegalArgumentException("path must start with '/' and hold no space, control character, '?' or '#'");
    }
  }

  /** {@return the URL MX posts to: {@code http(s)://host:port/path}, the host as bound} */
  public URI url() {
    InetSocketAddress address = server.getAddress();
    String host = address.getAddress().isAnyLocalAddress() ? "localhost" : address.getAddress().getHostAddress();
    if (host.indexOf(':') >= 0) {
      host = "[" + host + "]";
    }
    return URI.create((server instanceof HttpsServer ? "https" : "http") + "://" + host + ":" + port() + path);
  }

  /** {@return the port it listens on} */
  public int port() {
    return server.getAddress().getPort();
  }

  private void exchange(HttpExchange exchange) throws IOException {
    boolean refuse;
    synchronized (this) {
      refuse = closing;
      inFlight++;
    }
    try (InputStream body = exchange.getRequestBody()) {
      if (refuse) {
        exchange.getResponseHeaders().set("Retry-After", "60");
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      if (!exchange.getRequestURI().getPath().equals(path)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      int status =
          receiver.handle(exchange.getRequestMethod(), WebhookHeaders.of(exchange.getRequestHeaders()), body);
      if (status == 405) {
        exchange.getResponseHeaders().set("Allow", "POST");
      }
      if (status == 503) {
        exchange.getResponseHeaders().set("Retry-After", "60");
      }
      exchange.sendResponseHeaders(status, -1);
    } finally {
      exchange.close();
      synchronized (this) {
        if (--inFlight == 0) {
          notifyAll();
        }
      }
    }
  }

  /**
   * Stops: requests that arrive from now on are answered 503 (MX sends them again), those being
   * answered finish (waiting up to five seconds), then it stops listening and ends its threads. The
   * receiver is left to you to close, after this.
   */
  @Override
  public void close() {
    synchronized (this) {
      closing = true;
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
      try {
        for (long left; inFlight > 0 && (left = deadline - System.nanoTime()) > 0; ) {
          wait(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    server.stop(0);
    executor.shutdownNow();
  }

  /** {@return where it listens} */
  @Override
  public String toString() {
    return "WebhookServer{" + url() + "}";
  }
}
