package io.github.mxmembers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.mockserver.integration.ClientAndServer;

/** One MockServer per test class, cleared after each test. */
abstract class MockMxTest {
  static ClientAndServer server;

  @BeforeAll
  static void startServer() {
    server = MockMx.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @AfterEach
  void resetServer() {
    server.reset();
  }
}
