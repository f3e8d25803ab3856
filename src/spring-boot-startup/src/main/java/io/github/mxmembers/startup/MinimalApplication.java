package io.github.mxmembers.startup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/** A minimal Spring Boot web application that exits once it is ready: what the start-up part times. */
@SpringBootApplication
public class MinimalApplication {
  /** Made by Spring. */
  public MinimalApplication() {}

  /**
   * Starts, and stops once ready.
   *
   * @param args Spring Boot's command line
   */
  public static void main(String[] args) {
    SpringApplication.run(MinimalApplication.class, args);
  }

  /** Ready: the start-up is over. */
  @EventListener(ApplicationReadyEvent.class)
  public void ready() {
    System.exit(0);
  }
}
