package io.github.mxmembers.sandbox;

import com.google.gson.JsonObject;
import io.github.mxmembers.webhook.WebhookEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Sends the sandbox's webhooks as MX does (webhook-facts.md §1-§3): a POST of JSON to the URL set up
 * for each kind, with the client's Basic credentials, on the sandbox's own thread. From the sandbox's
 * events: a Connection Status webhook when a member enters one of the eight statuses MX lists; a
 * Members {@code updated} webhook for each update, with the update's {@code X-CALLBACK-PAYLOAD}
 * (unless the Nexus update skipped webhooks: the flag is taken to skip this one alone, as MX's pages
 * say it prevents "a webhook being sent for that request"); an AGGREGATION {@code
 * member_data_updated} when an aggregation ends CONNECTED, with the callback payload of the update
 * that started it, sent when due by the sandbox's timer. One member's webhooks go out in order;
 * different members' at the same time. An answer other than 2xx, or none within 10 seconds (real time), is retried 12
 * times at most over about 24 hours of the sandbox's clock, the gaps growing (MX: "The frequency of
 * request retries diminishes over the course of approximately 24 hours, with no more than 12 total
 * retries"; its schedule is not published: this one is the sandbox's). Every attempt is logged.
 */
final class WebhookSender implements AutoCloseable {
  /** The eight statuses MX's Connection Status webhook fires for. */
  static final Set<String> ACTIONABLE =
      Set.of("CHALLENGED", "DENIED", "EXPIRED", "IMPAIRED", "IMPEDED", "LOCKED", "PREVENTED", "REJECTED");
  /** MX's integer ids of those statuses (workflow-facts.md §9b). */
  private static final Map<String, Integer> IDS =
      Map.of("PREVENTED", 1, "DENIED", 2, "CHALLENGED", 3, "REJECTED", 4, "LOCKED", 5, "IMPEDED", 7, "EXPIRED", 19, "IMPAIRED", 20);
  /** The end-user messages of MX's Connect widget for those statuses (workflow-facts.md §9b), {@code %1} left out. */
  private static final Map<String, String> MESSAGES =
      Map.of(
          "PREVENTED", "The last 3 attempts to connect have failed. Please re-enter your credentials to continue importing data.",
          "DENIED", "The credentials entered do not match your credentials at this institution. Please re-enter your credentials to continue importing data.",
          "CHALLENGED", "To authenticate your connection to MX Bank, please answer the following challenge(s).",
          "REJECTED", "The answer or answers provided were incorrect. Please try again.",
          "LOCKED", "Your account is locked. Please log in to the appropriate website for MX Bank and follow the steps to resolve the issue.",
          "IMPEDED", "Your login info was correct, but your attention is needed at MX Bank before we can proceed.",
          "EXPIRED", "The answer or answers were not provided in time. Please try again.",
          "IMPAIRED", "You must re-authenticate before your data can be imported. Please enter your credentials for MX Bank.");
  /** The waits before each of the 12 re-sends, about 24 hours in all. */
  static final List<Duration> RESEND_GAPS =
      List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(16),
          Duration.ofMinutes(32), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3), Duration.ofHours(4),
          Duration.ofHours(6), Duration.ofHours(7));
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

  private final Clock clock;
  private final Runnable scheduled;
  private final String name;
  private final Map<WebhookEvent.Kind, URI> urls = new EnumMap<>(WebhookEvent.Kind.class);
  private final Map<String, String> lastStatus = new HashMap<>();
  private final PriorityQueue<Pending> queue = new PriorityQueue<>();
  private final List<WebhookDelivery> log = new ArrayList<>();
  /** The threads that post, one per lane of members, made when first needed. */
  private final java.util.concurrent.ExecutorService[] lanes = new java.util.concurrent.ExecutorService[8];
  private String authorization;
  private HttpClient http;
  private long sequence;
  /** Bumped by {@link #reset}: an attempt of an older generation is not logged or re-sent. */
  private long generation;
  private boolean closed;

  /**
   * @param scheduled told when a webhook is queued: the sandbox's timer, which calls {@link #dispatchDue}
   * @param name the prefix of the lanes' thread names
   */
  WebhookSender(Clock clock, Runnable scheduled, String name, String username, String password) {
    this.clock = clock;
    this.scheduled = scheduled;
    this.name = name;
    credentials(username, password);
  }

  /** One webhook to send: its next attempt. */
  private static final class Pending implements Comparable<Pending> {
    final WebhookEvent.Kind kind;
    final String member;
    final URI url;
    final String json;
    final String callbackPayload;
    final int attempt;
    final Instant due;
    final long order;
    final long generation;

    Pending(WebhookEvent.Kind kind, String member, URI url, String json, String callbackPayload, int attempt, Instant due,
        long order, long generation) {
      this.kind = kind;
      this.member = member;
      this.url = url;
      this.json = json;
      this.callbackPayload = callbackPayload;
      this.attempt = attempt;
      this.due = due;
      this.order = order;
      this.generation = generation;
    }

    @Override
    public int compareTo(Pending other) {
      int byDue = due.compareTo(other.due);
      return byDue != 0 ? byDue : Long.compare(order, other.order);
    }
  }

  synchronized void credentials(String username, String password) {
    this.authorization =
        "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  synchronized void url(WebhookEvent.Kind kind, URI url) {
    if (url == null) {
      urls.remove(kind);
    } else {
      urls.put(kind, url);
    }
  }

  /** Forgets the URLs, what is queued and the log. */
  synchronized void reset(String username, String password) {
    urls.clear();
    queue.clear();
    lastStatus.clear();
    generation++;
    credentials(username, password);
    synchronized (log) {
      log.clear();
    }
  }

  /** An event of the sandbox, under its state's lock: queues the webhooks it brings, no I/O. */
  synchronized void onEvent(SandboxEvent event) {
    String before = lastStatus.put(event.memberGuid(), event.connectionStatus());
    switch (event.type()) {
      case STATUS_CHANGED:
        if (ACTIONABLE.contains(event.connectionStatus()) && !event.connectionStatus().equals(before)) {
          queue(WebhookEvent.Kind.CONNECTION_STATUS, event, connectionStatus(event), null);
        }
        break;
      case MEMBER_UPDATED:
        if (!event.skipWebhook()) {
          queue(WebhookEvent.Kind.MEMBER, event, member(event), event.callbackPayload().orElse(null));
        }
        break;
      case AGGREGATION_ENDED:
        if ("CONNECTED".equals(event.connectionStatus())) {
          queue(WebhookEvent.Kind.MEMBER_DATA_UPDATED, event, aggregation(event), event.callbackPayload().orElse(null));
        }
        break;
      default:
        break;
    }
  }

  private void queue(WebhookEvent.Kind kind, SandboxEvent event, JsonObject body, String callbackPayload) {
    URI url = urls.get(kind);
    if (url == null) {
      return; // MX sends only the kinds set up for the client
    }
    queue.add(new Pending(kind, event.memberGuid(), url, body.toString(), callbackPayload, 1, event.at(), ++sequence, generation));
    scheduled.run();
  }

  /** MX's Connection Status webhook page's fields. */
  private static JsonObject connectionStatus(SandboxEvent event) {
    JsonObject body = new JsonObject();
    body.addProperty("action", "CHANGED");
    body.addProperty("connection_status", event.connectionStatus());
    body.addProperty("connection_status_id", IDS.get(event.connectionStatus()));
    body.addProperty("connection_status_message", MESSAGES.get(event.connectionStatus()));
    body.addProperty("member_guid", event.memberGuid());
    body.addProperty("type", "CONNECTION_STATUS");
    body.addProperty("user_guid", event.userGuid());
    return body;
  }

  /** MX's Members webhook, rooted in {@code member} as its other resource webhooks are (webhook-facts.md §3c). */
  private static JsonObject member(SandboxEvent event) {
    JsonObject member = new JsonObject();
    member.addProperty("connection_status", event.connectionStatus());
    member.addProperty("guid", event.memberGuid());
    member.addProperty("is_being_aggregated", event.beingAggregated());
    member.addProperty("user_guid", event.userGuid());
    JsonObject body = new JsonObject();
    body.addProperty("action", "updated");
    body.add("member", member);
    return body;
  }

  /** MX's Aggregation webhook page's fields. */
  private static JsonObject aggregation(SandboxEvent event) {
    JsonObject body = new JsonObject();
    body.addProperty("action", "member_data_updated");
    body.addProperty("completed_at", event.at().getEpochSecond());
    body.addProperty("completed_on", event.at().atOffset(ZoneOffset.UTC).toLocalDate().toString());
    body.addProperty("is_background", false);
    body.addProperty("job_guid", event.jobGuid().orElse(null));
    body.addProperty("member_guid", event.memberGuid());
    body.addProperty("transactions_created_count", 0);
    body.addProperty("transactions_updated_count", 0);
    body.addProperty("type", "AGGREGATION");
    body.addProperty("user_guid", event.userGuid());
    return body;
  }

  /**
   * Sends what is due (each member's on its lane), on the sandbox's timer thread.
   *
   * @return when the next webhook is due, or null when none is queued
   */
  synchronized Instant dispatchDue() {
    Instant now = clock.instant();
    for (Pending next = queue.peek(); next != null && !next.due.isAfter(now); next = queue.peek()) {
      queue.poll();
      Pending due = next;
      String auth = authorization;
      try {
        lane(due.member).execute(() -> attempt(due, auth));
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        return null;
      }
    }
    Pending next = queue.peek();
    return next == null ? null : next.due;
  }

  /**
   * The lane of a member: its webhooks are posted one after another, in order, on one thread, while
   * other members' go out on the other lanes at the same time (MX guarantees no order; one member's
   * in order keeps the sandbox predictable).
   */
  private synchronized java.util.concurrent.ExecutorService lane(String member) {
    int index = Math.floorMod(member.hashCode(), lanes.length);
    if (lanes[index] == null) {
      String laneName = name + "-" + index;
      lanes[index] =
          java.util.concurrent.Executors.newSingleThreadExecutor(
              task -> {
                Thread lane = new Thread(task, laneName);
                lane.setDaemon(true);
                return lane;
              });
    }
    return lanes[index];
  }

  /** One attempt: posted, logged, and queued again when it was not taken. */
  private void attempt(Pending next, String auth) {
    int status;
    try {
      status = post(next, auth);
    } catch (InterruptedException closing) {
      Thread.currentThread().interrupt();
      return;
    }
    synchronized (this) {
      if (next.generation != generation || closed) {
        return;
      }
      Instant sentAt = clock.instant();
      boolean delivered = status >= 200 && status < 300;
      Instant again = delivered || next.attempt > RESEND_GAPS.size() ? null : sentAt.plus(RESEND_GAPS.get(next.attempt - 1));
      if (again != null) {
        queue.add(new Pending(next.kind, next.member, next.url, next.json, next.callbackPayload, next.attempt + 1, again,
            ++sequence, generation));
        scheduled.run();
      }
      synchronized (log) {
        log.add(new WebhookDelivery(next.kind, next.member, next.url, next.attempt, sentAt, status, next.json,
            next.callbackPayload, again));
        log.notifyAll();
      }
    }
  }

  /** The status answered, or -1 for no answer. */
  private int post(Pending pending, String auth) throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(pending.url)
            .timeout(ANSWER_TIMEOUT)
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Accept", "application/json")
            .header("Authorization", auth)
            .POST(HttpRequest.BodyPublishers.ofString(pending.json, StandardCharsets.UTF_8));
    if (pending.callbackPayload != null) {
      request.header("X-CALLBACK-PAYLOAD", pending.callbackPayload);
    }
    try {
      return client().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException | IllegalArgumentException noAnswer) {
      return -1;
    }
  }

  private synchronized HttpClient client() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(ANSWER_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }
    return http;
  }

  List<WebhookDelivery> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  /** The first attempt of the log that matches, waiting (real time) up to {@code timeout}; null if none came. */
  WebhookDelivery await(Predicate<WebhookDelivery> matching, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (log) {
      for (int seen = 0; ; ) {
        for (; seen < log.size(); seen++) {
          if (matching.test(log.get(seen))) {
            return log.get(seen);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        log.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Stops the lanes; the timer stops calling {@link #dispatchDue} as it closes. */
  @Override
  public synchronized void close() {
    closed = true;
    for (java.util.concurrent.ExecutorService lane : lanes) {
      if (lane != null) {
        lane.shutdownNow();
      }
    }
  }
}
