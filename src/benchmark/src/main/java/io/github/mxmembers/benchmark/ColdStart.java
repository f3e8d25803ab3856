package io.github.mxmembers.benchmark;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.github.mxmembers.MxPlatformClient;
import io.github.mxmembers.model.MemberUpdate;
import io.github.mxmembers.model.MemberUpdateResult;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * One cold start, in a JVM of its own: build a client and make the first call, the SDK's or raw
 * HttpClient 5's (prebuilt bytes, the answer parsed with Gson), then exit. {@link
 * UpdateMemberBenchmark}'s {@code --part cold} times it from spawn to exit, the two in turn.
 *
 * <p>Arguments: {@code sdk|raw BASE_URL}.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    String baseUrl = args[1];
    if (args[0].equals("sdk")) {
      try (MxPlatformClient sdk =
          MxPlatformClient.builder()
              .baseUrl(baseUrl)
              .credentials(UpdateMemberBenchmark.CLIENT_ID, UpdateMemberBenchmark.API_KEY)
              .build()) {
        MemberUpdateResult result =
            sdk.updateMember(
                MemberUpdate.builder()
                    .user("u-1234")
                    .member("MBR-7c6f361b-e582-15b6-60c0-358f12466b4b")
                    .credential(UpdateMemberBenchmark.CREDENTIAL, "n3w-password")
                    .build());
        check(result.status() == 200 && result.member().orElseThrow().name().isPresent());
      }
      return;
    }
    try (CloseableHttpClient raw = HttpClients.custom().disableAutomaticRetries().disableRedirectHandling().build()) {
      HttpPut put = new HttpPut(URI.create(baseUrl + UpdateMemberBenchmark.PATH));
      put.addHeader("Accept", "application/json");
      put.addHeader("Accept-Version", "v20250224");
      put.addHeader(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((UpdateMemberBenchmark.CLIENT_ID + ":" + UpdateMemberBenchmark.API_KEY).getBytes(StandardCharsets.UTF_8)));
      put.setEntity(
          new ByteArrayEntity(
              ("{\"member\":{\"credentials\":[{\"guid\":\"" + UpdateMemberBenchmark.CREDENTIAL + "\",\"value\":\"n3w-password\"}]}}")
                  .getBytes(StandardCharsets.UTF_8),
              ContentType.APPLICATION_JSON));
      JsonElement member =
          raw.execute(
              put,
              response -> {
                try (InputStreamReader reader = new InputStreamReader(response.getEntity().getContent(), StandardCharsets.UTF_8)) {
                  return JsonParser.parseReader(reader).getAsJsonObject().get("member");
                }
              });
      check(member.getAsJsonObject().get("name").getAsString().length() > 0);
    }
  }

  private static void check(boolean ok) {
    if (!ok) {
      throw new IllegalStateException("the first call did not answer as expected");
    }
  }
}
