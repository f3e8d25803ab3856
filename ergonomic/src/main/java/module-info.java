/**
 * mx-members: update MX members on the Platform and Nexus APIs. Only the public API is exported: the
 * clients and their builders ({@code io.github.mxmembers}), the values ({@code .model}), waiting for an
 * aggregation ({@code .waiter}), bulk updates ({@code .bulk}), the exceptions ({@code .exception}),
 * the retry policy ({@code .retry}) and webhooks ({@code .webhook}). The {@code internal} packages and the generated clients are not,
 * and on the class path every internal type is marked {@link io.github.mxmembers.annotations.InternalApi}.
 */
module io.github.mxmembers {
  requires transitive io.github.mxmembers.generated;
  requires transitive org.apache.httpcomponents.client5.httpclient5;
  requires transitive org.apache.httpcomponents.core5.httpcore5;
  requires transitive com.google.gson;
  requires org.apache.httpcomponents.core5.httpcore5.h2;
  requires org.slf4j;
  requires transitive jdk.httpserver;

  exports io.github.mxmembers;
  exports io.github.mxmembers.model;
  exports io.github.mxmembers.waiter;
  exports io.github.mxmembers.bulk;
  exports io.github.mxmembers.exception;
  exports io.github.mxmembers.retry;
  exports io.github.mxmembers.webhook;
}
