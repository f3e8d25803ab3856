package io.github.mxmembers.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mxmembers.MemberUpdateResult;
import io.github.mxmembers.RequestPreview;
import java.io.PrintWriter;
import java.util.List;

/** What update-member prints: the member before (sandbox only), the request as sent, the member after. */
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

  Report(String api, String endpoint) {
    json.addProperty("api", api);
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

  void result(MemberUpdateResult result) {
    json.addProperty("status", result.status());
    json.addProperty("attempts", result.attempts());
    json.addProperty("job_already_running", result.jobAlreadyRunning());
    result.member().ifPresent(member -> json.add("member", member.asJson()));
  }

  void print(PrintWriter out, boolean asJson) {
    if (asJson) {
      out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(json));
      out.flush();
      return;
    }
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
    out.println(
        "Response: "
            + json.get("status").getAsInt()
            + (json.get("job_already_running").getAsBoolean() ? " (a job of that type is already running)" : "")
            + " after "
            + json.get("attempts").getAsInt()
            + (json.get("attempts").getAsInt() == 1 ? " attempt" : " attempts"));
    if (json.has("member")) {
      out.println();
      out.println("Member after:");
      printMember(out, json.getAsJsonObject("member"));
    }
    out.flush();
  }

  private static void printMember(PrintWriter out, JsonObject member) {
    for (String field : FIELDS) {
      JsonElement value = member.get(field);
      if (value != null && !value.isJsonNull()) {
        out.printf("  %-36s %s%n", field, value.isJsonPrimitive() ? value.getAsString() : value.toString());
      }
    }
  }

}
