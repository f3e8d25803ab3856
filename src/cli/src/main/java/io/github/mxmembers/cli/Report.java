package io.github.mxmembers.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.github.mxmembers.exception.MxApiException;
import io.github.mxmembers.exception.MxException;
import io.github.mxmembers.exception.MxResponseException;
import io.github.mxmembers.model.MemberUpdateResult;
import io.github.mxmembers.model.RequestPreview;
import java.io.PrintWriter;
import java.util.List;

/**
 * What update-member prints: the member before (sandbox only), the request as sent, the member
 * after, or the failure. With {@code --json} all of it is one JSON object on standard output,
 * failures included; otherwise results go to standard output and failures to standard error.
 */
final class Report {
  /** The fields shown in human-readable output, in order. */
  private static final List<String> FIELDS =
      List.of(
          "guid",
          "id",
          "user_guid",
          "name",
          "institution_code",
          "connection_status",
          "is_being_aggregated",
          "most_recent_job_guid",
          "aggregated_at",
          "metadata",
          "use_cases",
          "background_aggregation_is_disabled");

  private final JsonObject json = new JsonObject();
  /** The rounds of the wait: one per wait of the flow. */
  private final com.google.gson.JsonArray rounds = new com.google.gson.JsonArray();
  /** Where rounds are printed as they end; null until what was sent has been printed. */
  private PrintWriter live;
  /** The webhooks received (embedded sandbox, --wait), from the receiver's thread. */
  private final java.util.List<io.github.mxmembers.webhook.WebhookEvent> webhooks =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  Report(String api) {
    json.addProperty("api", api);
  }

  /** Where the update goes, once the client accepted it: a value refused is never repeated. */
  void endpoint(String endpoint) {
    json.addProperty("endpoint", endpoint);
  }

  void sandbox(String url) {
    json.addProperty("sandbox_url", url);
  }

  void before(JsonObject member) {
    if (member != null) {
      json.add("member_before", member);
    }
  }

  void request(RequestPreview preview) {
    JsonObject request = new JsonObject();
    request.addProperty("method", preview.method());
    request.addProperty("path", preview.path());
    request.addProperty("headers", preview.headers());
    request.add("body", JsonParser.parseString(preview.body()));
    json.add("request", request);
  }

  void dryRun() {
    json.addProperty("dry_run", true);
  }

  void result(MemberUpdateResult result) {
    json.addProperty("status", result.status());
    json.addProperty("attempts", result.attempts());
    json.addProperty("job_already_running", result.jobAlreadyRunning());
    result.requestId().ifPresent(id -> json.addProperty("request_id", id));
    result.member().ifPresent(member -> json.add("member", member.asJson()));
  }

  /** A webhook the embedded sandbox sent during --wait. */
  void webhook(io.github.mxmembers.webhook.WebhookEvent event) {
    webhooks.add(event);
  }

  /**
   * One wait of the flow ended: a round. Live, it is printed at once (the member's status, the reads
   * and seconds it took, and for CHALLENGED each challenge's label and type).
   */
  void round(io.github.mxmembers.waiter.AggregationOutcome outcome) {
    JsonObject round = new JsonObject();
    round.addProperty("round", rounds.size() + 1);
    round.addProperty("outcome", outcome.kind().name().toLowerCase(java.util.Locale.ROOT));
    outcome.connectionStatusAsString().ifPresent(status -> round.addProperty("connection_status", status));
    round.addProperty("status_reads", outcome.polls());
    round.addProperty("waited_seconds", outcome.waited().toMillis() / 1000.0);
    if (!outcome.challenges().isEmpty()) {
      round.add("challenges", asked(outcome.challenges()));
    }
    rounds.add(round);
    if (live != null) {
      live.println(
          "Round " + rounds.size() + ": "
              + (outcome.kind() == io.github.mxmembers.waiter.AggregationOutcome.Kind.NEEDS_ANSWERS
                  ? "challenged"
                  : WAIT_WORDS.getOrDefault(round.get("outcome").getAsString(), round.get("outcome").getAsString()))
              + (round.has("connection_status") ? " (" + round.get("connection_status").getAsString() + ")" : "")
              + " after " + outcome.polls() + (outcome.polls() == 1 ? " status read, " : " status reads, ")
              + String.format(java.util.Locale.ROOT, "%.1f s", outcome.waited().toMillis() / 1000.0));
      showAsked(outcome.challenges());
    }
  }

  /** The challenges asked, as the report holds them: guid, type and label; never an answer. */
  private static com.google.gson.JsonArray asked(java.util.List<io.github.mxmembers.model.Challenge> challenges) {
    com.google.gson.JsonArray asked = new com.google.gson.JsonArray();
    for (io.github.mxmembers.model.Challenge challenge : challenges) {
      JsonObject one = new JsonObject();
      one.addProperty("guid", challenge.guid());
      one.addProperty("type", challenge.type().name());
      challenge.label().ifPresent(label -> one.addProperty("label", label));
      asked.add(one);
    }
    return asked;
  }

  /** The challenges asked, one line each, live: by label and type. */
  private void showAsked(java.util.List<io.github.mxmembers.model.Challenge> challenges) {
    int n = 0;
    for (io.github.mxmembers.model.Challenge challenge : challenges) {
      live.println("  challenge " + (++n) + ": " + challenge.label().map(label -> faithful(new JsonPrimitive(label))).orElse("(no label)")
          + " (" + challenge.type().name() + ")");
    }
    live.flush();
  }

  /** The challenges a member was found with ({@code resume}): round 0 of the flow. */
  void challenged(java.util.List<io.github.mxmembers.model.Challenge> challenges) {
    JsonObject round = new JsonObject();
    round.addProperty("round", 0);
    round.addProperty("outcome", "needs_answers");
    round.addProperty("connection_status", "CHALLENGED");
    round.addProperty("status_reads", 0);
    round.addProperty("waited_seconds", 0.0);
    round.add("challenges", asked(challenges));
    rounds.add(round);
    if (live != null) {
      showAsked(challenges);
    }
  }

  /** Where rounds go as they end: from now on, for a person (without a head to print first). */
  void live(PrintWriter out) {
    live = out;
  }

  /** {@return whether a round's challenges were answered and the member resumed} */
  boolean resumed() {
    for (com.google.gson.JsonElement round : rounds) {
      if (round.getAsJsonObject().has("answered_from")) {
        return true;
      }
    }
    return false;
  }

  /** What {@code resume} prints at the end: the rounds (JSON), or the outcome (text, the rounds shown already). */
  void printResume(PrintWriter out, boolean asJson) {
    if (!json.has("wait")) {
      JsonObject wait = new JsonObject();
      wait.addProperty("outcome", resumed() ? "resumed" : "needs_answers");
      wait.add("rounds", rounds);
      json.add("wait", wait);
      if (asJson) {
        out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(json));
      } else {
        out.println(resumed() ? "Resumed; without --wait the outcome is not awaited." : "Not resumed: the member is still CHALLENGED.");
      }
      out.flush();
      return;
    }
    if (asJson) {
      out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(json));
      out.flush();
      return;
    }
    printTail(out);
  }

  /** The last round's challenges were answered, from {@code source}, and the member resumed. */
  void answered(int answers, String source) {
    JsonObject round = rounds.get(rounds.size() - 1).getAsJsonObject();
    round.addProperty("answered_from", source);
    round.addProperty("answers", answers);
    if (live != null) {
      live.println("  answered " + answers + (answers == 1 ? " challenge" : " challenges") + " from " + source
          + " (answers are never shown); resumed the aggregation");
      live.flush();
    }
  }

  /** The last round's challenges could not all be answered from what was given. */
  void unanswered(String why) {
    JsonObject round = rounds.get(rounds.size() - 1).getAsJsonObject();
    round.addProperty("unanswered", why);
    if (live != null) {
      live.println("  not answered: " + why);
      live.flush();
    }
  }

  /** How the whole flow ended: the last round's outcome, the reads and seconds of every round. */
  void outcome(io.github.mxmembers.waiter.AggregationOutcome outcome) {
    JsonObject wait = new JsonObject();
    wait.addProperty("outcome", outcome.kind().name().toLowerCase(java.util.Locale.ROOT));
    outcome.connectionStatusAsString().ifPresent(status -> wait.addProperty("connection_status", status));
    outcome.endUserAction().ifPresent(action -> wait.addProperty("end_user_action", action.name().toLowerCase(java.util.Locale.ROOT)));
    int reads = 0;
    double seconds = 0;
    for (com.google.gson.JsonElement round : rounds) {
      reads += round.getAsJsonObject().get("status_reads").getAsInt();
      seconds += round.getAsJsonObject().get("waited_seconds").getAsDouble();
    }
    wait.addProperty("status_reads", reads);
    wait.addProperty("waited_seconds", Math.round(seconds * 1000) / 1000.0);
    wait.addProperty("exit_code", UpdateMemberCommand.exitCode(outcome));
    wait.add("rounds", rounds);
    json.add("wait", wait);
    json.add("member", outcome.member().asJson());
  }

  /**
   * Prints what was sent and answered now, before a wait begins, when the output is for a person:
   * the rest ({@link #print}) follows, as each round ends and at the end.
   */
  void printSentNow(PrintWriter out) {
    printHead(out);
    live = out;
  }

  /** The failure, by kind; its message holds no secret (the SDK's and the tool's messages never do). */
  void failure(RuntimeException failure) {
    JsonObject error = new JsonObject();
    error.addProperty("kind", kind(failure));
    error.addProperty("exit_code", ExitCodes.of(failure));
    error.addProperty("message", String.valueOf(failure.getMessage()));
    if (failure instanceof MxException) {
      MxException mx = (MxException) failure;
      error.addProperty("attempts", mx.attempts());
      mx.requestId().ifPresent(id -> error.addProperty("request_id", id));
    }
    if (failure instanceof MxApiException) {
      MxApiException api = (MxApiException) failure;
      error.addProperty("status", api.status());
      api.mxCode().ifPresent(code -> error.addProperty("mx_code", code));
      api.mxMessage().ifPresent(message -> error.addProperty("mx_message", message));
    }
    if (failure instanceof MxResponseException) {
      error.addProperty("status", ((MxResponseException) failure).status());
    }
    json.add("error", error);
  }

  private static String kind(RuntimeException failure) {
    switch (ExitCodes.of(failure)) {
      case ExitCodes.BAD_INPUT:
        return "bad_input";
      case ExitCodes.API_ERROR:
        return "api_error";
      case ExitCodes.TRANSPORT_FAILURE:
        return "transport_failure";
      case ExitCodes.UNREADABLE_RESPONSE:
        return "unreadable_response";
      default:
        return "internal_error";
    }
  }

  void print(PrintWriter out, PrintWriter err, boolean asJson) {
    synchronized (webhooks) {
      if (!webhooks.isEmpty()) {
        com.google.gson.JsonArray received = new com.google.gson.JsonArray();
        webhooks.forEach(event -> received.add(WebhookLines.json(event)));
        json.add("webhooks", received);
      }
    }
    if (asJson) {
      out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(json));
      out.flush();
      return;
    }
    if (json.has("error")) {
      err.println("mx-members: " + json.getAsJsonObject("error").get("message").getAsString());
      err.flush();
      return;
    }
    if (live == null) {
      if (!printHead(out)) {
        return;
      }
    }
    printTail(out);
  }

  /** The sandbox, the member before, the request, the response and the member after; false after a dry run. */
  private boolean printHead(PrintWriter out) {
    if (json.has("sandbox_url")) {
      out.println("Embedded MX sandbox at " + json.get("sandbox_url").getAsString() + " (no MX account needed)");
      out.println();
    }
    if (json.has("member_before")) {
      out.println("Member before:");
      printMember(out, json.getAsJsonObject("member_before"));
      out.println();
    }
    JsonObject request = json.getAsJsonObject("request");
    out.println("Request as sent (" + json.get("api").getAsString().toLowerCase() + " API, secrets redacted):");
    out.println("  " + request.get("method").getAsString() + " " + request.get("path").getAsString());
    out.println("  " + request.get("headers").getAsString());
    out.println("  " + request.get("body"));
    out.println();
    if (json.has("dry_run")) {
      out.println("Dry run: nothing was sent.");
      out.flush();
      return false;
    }
    out.println(
        "Response: "
            + json.get("status").getAsInt()
            + (json.get("job_already_running").getAsBoolean() ? " (a job of that type is already running)" : "")
            + " after "
            + json.get("attempts").getAsInt()
            + (json.get("attempts").getAsInt() == 1 ? " attempt" : " attempts")
            + (json.has("request_id") ? ", request id " + json.get("request_id").getAsString() : ""));
    if (json.has("member")) {
      out.println();
      out.println("Member after:");
      printMember(out, json.getAsJsonObject("member"));
    }
    out.println();
    out.flush();
    return true;
  }

  /** The webhooks received and the outcome. */
  private void printTail(PrintWriter out) {
    if (!webhooks.isEmpty()) {
      out.println();
      out.println("Webhooks received from the sandbox (each wakes the wait on its member):");
      synchronized (webhooks) {
        webhooks.forEach(event -> out.println("  " + WebhookLines.line(event)));
      }
    }
    if (json.has("wait")) {
      JsonObject wait = json.getAsJsonObject("wait");
      out.println();
      out.println("Member at the end:");
      printMember(out, json.getAsJsonObject("member"));
      out.println();
      out.println(
          "Outcome: " + WAIT_WORDS.getOrDefault(wait.get("outcome").getAsString(), wait.get("outcome").getAsString())
              + (wait.has("connection_status") ? " (" + wait.get("connection_status").getAsString() + ")" : "")
              + (wait.has("end_user_action") ? ": " + ACTION_WORDS.get(wait.get("end_user_action").getAsString()) : "")
              + ", after " + wait.get("status_reads").getAsInt() + " status reads in "
              + wait.get("rounds").getAsJsonArray().size() + (wait.get("rounds").getAsJsonArray().size() == 1 ? " round" : " rounds"));
    }
    out.flush();
  }

  private static final java.util.Map<String, String> WAIT_WORDS =
      java.util.Map.of(
          "connected", "connected",
          "needs_answers", "still challenged",
          "needs_end_user", "needs the end user",
          "ended", "ended",
          "timed_out", "the wait timed out while MX was still aggregating");

  private static final java.util.Map<String, String> ACTION_WORDS =
      java.util.Map.of(
          "new_credentials", "new credentials are needed",
          "answer_again", "answer MFA again",
          "act_at_institution", "act at the institution (unlock the account or accept its terms)",
          "finish_oauth", "finish connecting through OAuth");

  private static void printMember(PrintWriter out, JsonObject member) {
    for (String field : FIELDS) {
      JsonElement value = member.get(field);
      if (value != null && !value.isJsonNull()) {
        out.printf("  %-36s %s%n", field, faithful(value));
      }
    }
  }

  /**
   * A value as it is: text as it is when that reads unambiguously, else as a JSON string literal
   * (quotes, backslashes, control characters, or spaces at either end would otherwise be lost to the
   * eye); numbers, booleans, arrays and objects as JSON.
   */
  static String faithful(JsonElement value) {
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      return value.toString();
    }
    String text = value.getAsString();
    boolean plain = !text.isEmpty() && text.strip().equals(text);
    for (int i = 0; plain && i < text.length(); i++) {
      char c = text.charAt(i);
      plain = c != '"' && c != '\\' && !Character.isISOControl(c);
    }
    return plain ? text : new GsonBuilder().disableHtmlEscaping().create().toJson(new JsonPrimitive(text));
  }

}
