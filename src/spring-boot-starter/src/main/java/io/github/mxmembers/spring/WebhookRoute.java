package io.github.mxmembers.spring;

import io.github.mxmembers.webhook.WebhookHeaders;
import io.github.mxmembers.webhook.WebhookReceiver;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/** The webhook endpoint on Spring MVC: the request's method, headers and body stream to the receiver, its status back. */
final class WebhookRoute {
  private final WebhookReceiver receiver;
  private final String path;

  WebhookRoute(WebhookReceiver receiver, String path) {
    this.receiver = receiver;
    this.path = path;
  }

  RouterFunction<ServerResponse> route() {
    return RouterFunctions.route(RequestPredicates.path(path), this::handle);
  }

  private ServerResponse handle(ServerRequest request) throws IOException {
    HttpServletRequest servlet = request.servletRequest();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(servlet.getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(servlet.getHeaders(name))));
    }
    int status = receiver.handle(servlet.getMethod(), WebhookHeaders.of(headers), servlet.getInputStream());
    ServerResponse.BodyBuilder response = ServerResponse.status(status);
    if (status == 405) {
      response.header("Allow", "POST");
    }
    if (status == 503) {
      response.header("Retry-After", "60");
    }
    return response.build();
  }
}
