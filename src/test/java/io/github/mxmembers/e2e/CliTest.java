package io.github.mxmembers.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import io.github.mxmembers.PlatformApiVersion;
import io.github.mxmembers.cli.ExitCodes;
import io.github.mxmembers.sandbox.MxSandbox;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command-line tool, run in-process: output, exit codes, and no secret in what it prints. */
class CliTest {
  private static final String PASSWORD = "cli-PASSWORD-s3cr3t";
  private static final String API_KEY = "cli-API-KEY-s3cr3t";

  private static CliRun run(Map<String, String> env, String stdin, String... args) {
    return CliRun.run(env, stdin.getBytes(StandardCharsets.UTF_8), false, args);
  }

  private static CliRun run(String... args) {
    return run(Map.of(), "", args);
  }

  @Test
  void updatesAMemberInTheSandboxAndShowsItBeforeAndAfter() {
    CliRun run =
        run(
            "update-member",
            "--user", MxSandbox.USER_ID,
            "--member", MxSandbox.MEMBER_GUID,
            "--credential", MxSandbox.CREDENTIAL_GUID + "=" + PASSWORD);

    assertThat(run.code).isEqualTo(ExitCodes.OK);
    assertThat(run.out)
        .contains("Embedded MX sandbox at http://127.0.0.1:")
        .contains("Member before:")
        .contains("PUT /users/u-1234/members/" + MxSandbox.MEMBER_GUID)
        .contains("Accept-Version: " + PlatformApiVersion.latest().value())
        .contains("Authorization: [redacted]")
        .contains("\"value\":\"****\"")
        .contains("Response: 200 after 1 attempt")
        .contains("Member after:");
    assertThat(run.out.substring(run.out.indexOf("Member after:")))
        .containsPattern("is_being_aggregated\\s+true");
    assertThat(run.all()).doesNotContain(PASSWORD);
  }

  @Test
  void jsonOutputForScriptsOnNexusWithCredentialsFromStdin() {
    CliRun run =
        run(
            Map.of(),
            MxSandbox.CREDENTIAL_GUID + "=" + PASSWORD + "\n",
            "update-member", "--api", "nexus", "--member", MxSandbox.MEMBER_GUID,
            "--credentials-stdin", "--skip-aggregation", "--json");

    assertThat(run.code).isEqualTo(ExitCodes.OK);
    JsonObject json = JsonParser.parseString(run.out).getAsJsonObject();
    assertThat(json.get("status").getAsInt()).isEqualTo(200);
    assertThat(json.getAsJsonObject("request").get("path").getAsString())
        .isEqualTo("/members/" + MxSandbox.MEMBER_GUID);
    assertThat(json.getAsJsonObject("request").getAsJsonObject("body").toString())
        .contains("\"skip_aggregation\":true")
        .contains("****");
    assertThat(json.getAsJsonObject("member").get("is_being_aggregated").getAsBoolean()).isFalse();
    assertThat(run.all()).doesNotContain(PASSWORD);
  }

  @Test
  void badInputExitsWith2AndSendsNothing() {
    assertThat(run("update-member", "--member", "MBR-1").code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run("update-member", "--metadata", "m").code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run("update-member", "--member", "MBR-1", "--credential", "no-equals-sign").code)
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run("update-member", "--member", "MBR-1", "--metadata", "m", "--skip-aggregation").code)
        .isEqualTo(ExitCodes.BAD_INPUT);
    CliRun typo = run("update-member", "--credentail=CRD-1=" + PASSWORD, "--member", "m");
    assertThat(typo.code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(typo.err).contains("unknown option").contains("did you mean --credential").doesNotContain(PASSWORD);
    CliRun spaceNotEquals = run("update-member", "--member", "m", "--credential", "CRD-1", PASSWORD);
    assertThat(spaceNotEquals.code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(spaceNotEquals.err).contains("unexpected argument").doesNotContain(PASSWORD);
    CliRun noKeys = run("update-member", "--endpoint", "integration", "--user", "u", "--member", "m", "--metadata", "x");
    assertThat(noKeys.code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(noKeys.err).contains("MX_CLIENT_ID and MX_API_KEY");
  }

  @Test
  void anMxErrorExitsWith3() {
    CliRun run = run("update-member", "--user", "USR-nobody", "--member", "MBR-1", "--metadata", "m");

    assertThat(run.code).isEqualTo(ExitCodes.API_ERROR);
    assertThat(run.err).contains("answered 404").contains("User not found");
  }

  @Test
  void aTransportFailureExitsWith4() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    CliRun run =
        run(
            Map.of("MX_CLIENT_ID", "c", "MX_API_KEY", API_KEY),
            "",
            "update-member", "--endpoint", "http://127.0.0.1:" + closedPort,
            "--user", "u", "--member", "m", "--credential", "CRD-1=" + PASSWORD, "--max-attempts", "1");

    assertThat(run.code).isEqualTo(ExitCodes.TRANSPORT_FAILURE);
    assertThat(run.err).contains("failed after 1 attempt");
    assertThat(run.all()).doesNotContain(PASSWORD).doesNotContain(API_KEY);
  }

  @Test
  void anUnreadableResponseExitsWith5() throws Exception {
    HttpServer html = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    html.createContext(
        "/",
        exchange -> {
          byte[] body = "<html>maintenance</html>".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    html.start();
    try {
      CliRun run =
          run(
              Map.of("MX_CLIENT_ID", "c", "MX_API_KEY", API_KEY),
              "",
              "update-member", "--endpoint", "http://127.0.0.1:" + html.getAddress().getPort(),
              "--user", "u", "--member", "m", "--metadata", "x");

      assertThat(run.code).isEqualTo(ExitCodes.UNREADABLE_RESPONSE);
      assertThat(run.err).contains("not the expected JSON");
      assertThat(run.all()).doesNotContain(API_KEY);
    } finally {
      html.stop(0);
    }
  }

  @Test
  void everyCommandHasHelp() {
    CliRun top = run("--help");
    CliRun update = run("update-member", "--help");

    assertThat(top.code).isZero();
    assertThat(top.out).contains("update-member").contains("Exit codes");
    assertThat(update.code).isZero();
    assertThat(update.out).contains("--credentials-stdin").contains("--skip-aggregation").contains("--endpoint");
  }
}
