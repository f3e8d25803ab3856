package io.github.mxmembers.benchmark;

import io.github.mxmembers.webhook.WebhookAuth;
import io.github.mxmembers.webhook.WebhookReceiver;
import io.github.mxmembers.webhook.WebhookServer;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * The webhook receiver alone: a burst of 100,000 Connection Status webhooks over loopback to a {@code
 * WebhookReceiver} on the JDK's HTTP server, 1% of them MX's re-sends of one sent a little earlier,
 * from 8 threads. Reports the throughput, whether each distinct webhook reached the listener exactly
 * once, and the heap held once the burst is over, with its deduplication keys (100,000 at most by
 * default).
 */
final class ReceiverBenchmark {
  private static final int WEBHOOKS = 100_000;
  private static final int THREADS = 8;
  private static final String USER = "bench";
  private static final String PASSWORD = "bench-password";

  private ReceiverBenchmark() {}

  private static byte[] body(int i) {
    return String.format(Locale.ROOT,
            "{\"action\":\"CHANGED\",\"connection_status\":\"CHALLENGED\",\"connection_status_id\":3,"
                + "\"connection_status_message\":\"To authenticate your connection to MX Bank, please answer the following challenge(s).\","
                + "\"member_guid\":\"MBR-%08d\",\"type\":\"CONNECTION_STATUS\",\"user_guid\":\"USR-%08d\"}", i, i)
        .getBytes(StandardCharsets.UTF_8);
  }

  static void run() throws Exception {
    Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
    WebhookReceiver receiver =
        WebhookReceiver.builder()
            .auth(WebhookAuth.basic(USER, PASSWORD))
            .listener(event -> delivered.computeIfAbsent(event.memberGuid().orElseThrow(), k -> new AtomicInteger()).incrementAndGet())
            .build();
    WebhookServer server = WebhookServer.start(receiver, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/mx/webhooks");
    java.net.URI url = server.url();
    String authorization = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    LongAdder answered204 = new LongAdder();
    LongAdder other = new LongAdder();
    // the order of the burst: every 100th is a re-send of the one sent 50 before it
    int[] order = new int[WEBHOOKS];
    int distinct = 0;
    for (int i = 0; i < WEBHOOKS; i++) {
      order[i] = i % 100 == 99 ? order[i - 50] : distinct++;
    }
    try (CloseableHttpClient http =
        HttpClients.custom()
            .disableAutomaticRetries()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(THREADS).setMaxConnPerRoute(THREADS).build())
            .build()) {
      ExecutorService senders = Executors.newFixedThreadPool(THREADS);
      AtomicInteger next = new AtomicInteger();
      long started = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        running.add(
            senders.submit(
                () -> {
                  for (int i; (i = next.getAndIncrement()) < WEBHOOKS; ) {
                    HttpPost post = new HttpPost(url);
                    post.addHeader("Authorization", authorization);
                    post.setEntity(new ByteArrayEntity(body(order[i]), ContentType.APPLICATION_JSON));
                    int status = http.execute(post, response -> response.getCode());
                    (status == 204 ? answered204 : other).increment();
                  }
                  return null;
                }));
      }
      for (Future<?> each : running) {
        each.get(10, TimeUnit.MINUTES);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      senders.shutdown();
      receiver.close(); // delivers what is queued
      server.close();
      long once = delivered.values().stream().filter(count -> count.get() == 1).count();
      long heapAfter = heapAfterGc();
      WebhookReceiver.Stats stats = receiver.stats();
      receiver = null; // the deduplication keys go with it
      server = null;
      long heapWithoutKeys = heapAfterGc();
      System.out.printf(Locale.ROOT,
          "webhook receiver, %d webhooks (%d distinct, 1%% re-sent) from %d threads over loopback: %.1f s, %.0f/s;"
              + " answered 204 %d, other %d; delivered exactly once %d of %d, duplicates held back %d;"
              + " heap held by the receiver's %d deduplication keys %.1f MB (%.0f B a key)%n",
          WEBHOOKS, distinct, THREADS, seconds, WEBHOOKS / seconds, answered204.sum(), other.sum(), once, distinct,
          stats.duplicates(), Math.min(distinct, 100_000), (heapAfter - heapWithoutKeys) / 1e6,
          (heapAfter - heapWithoutKeys) / (double) Math.min(distinct, 100_000));
    }
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
