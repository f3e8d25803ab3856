package io.github.mxmembers.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How a receiver tells MX's webhook requests from anyone else's, checked on the headers before the
 * body is read. MX publishes no signature on its webhooks (no HMAC header in any of its pages, its
 * OpenAPI files or its SDKs); what it offers is set up with MX out of band, per client: HTTP Basic
 * (a username and password you give MX), mutual TLS (certificates exchanged with MX, checked by the
 * TLS layer, not here), or OAuth 2 (MX fetches a bearer token from a URL you provide and sends it).
 * Those three come from a copy of MX's Webhooks page (medium confidence: {@code webhook-facts.md}
 * §2); the scheme your MX client uses is the one to configure. Do not add an {@code mx-signature}
 * HMAC check: MX sends no such header.
 *
 * <p>Implement it for another scheme; a check must not log or put in a message what it was given.
 */
@FunctionalInterface
public interface WebhookAuth {
  /**
   * Whether the request carries the credentials agreed with MX.
   *
   * @param headers the request's headers
   * @return true to take the request; false to answer 401
   */
  boolean verify(WebhookHeaders headers);

  /**
   * HTTP Basic: the username and password you gave MX, compared in constant time (each side hashed
   * first, so neither the length nor the first difference shows in the time taken).
   *
   * @param username the username; not blank, no {@code :}
   * @param password the password; not empty
   * @return the check
   * @throws IllegalArgumentException naming {@code username} or {@code password}, never its value
   */
  static WebhookAuth basic(String username, String password) {
    Objects.requireNonNull(username, "username == null");
    Objects.requireNonNull(password, "password == null");
    if (username.isBlank()) {
      throw new IllegalArgumentException("username must not be blank");
    }
    if (username.indexOf(':') >= 0) {
      throw new IllegalArgumentException("username must not hold ':': HTTP Basic cannot carry it");
    }
    if (password.isEmpty()) {
      throw new IllegalArgumentException("password must not be empty");
    }
    byte[] expected = digest((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new WebhookAuth() {
      @Override
      public boolean verify(WebhookHeaders headers) {
        Optional<String> given = credentials(headers, "Basic");
        byte[] decoded;
        try {
          decoded = given.map(Base64.getDecoder()::decode).orElse(new byte[0]);
        } catch (IllegalArgumentException notBase64) {
          decoded = new byte[0];
        }
        // always one digest and one comparison, whatever was sent
        return MessageDigest.isEqual(expected, digest(decoded)) & given.isPresent();
      }

      @Override
      public String toString() {
        return "WebhookAuth.basic{****}";
      }
    };
  }

  /**
   * OAuth 2 bearer tokens, where MX fetches a token from your token endpoint and sends it as {@code
   * Authorization: Bearer ...}: the token is given to {@code validator}, your check of a token you
   * issued (its signature, expiry and audience).
   *
   * @param validator true for a token you issued to MX and still valid; must not log the token
   * @return the check
   */
  static WebhookAuth bearer(Predicate<String> validator) {
    Objects.requireNonNull(validator, "validator == null");
    return new WebhookAuth() {
      @Override
      public boolean verify(WebhookHeaders headers) {
        Optional<String> token = credentials(headers, "Bearer");
        return token.isPresent() && !token.get().isEmpty() && validator.test(token.get());
      }

      @Override
      public String toString() {
        return "WebhookAuth.bearer{" + validator.getClass().getName() + "}";
      }
    };
  }

  /**
   * No check at the HTTP layer: only where the scheme is mutual TLS and the TLS layer (your server
   * or the proxy in front of it) accepts MX's certificate alone. Anyone who can reach the receiver
   * can then post to it.
   *
   * @return the check that takes every request
   */
  static WebhookAuth none() {
    return new WebhookAuth() {
      @Override
      public boolean verify(WebhookHeaders headers) {
        return true;
      }

      @Override
      public String toString() {
        return "WebhookAuth.none";
      }
    };
  }

  /** The credentials of the one {@code Authorization} header with this scheme; empty otherwise. */
  private static Optional<String> credentials(WebhookHeaders headers, String scheme) {
    if (headers.all("Authorization").size() != 1) {
      return Optional.empty();
    }
    String value = headers.first("Authorization").orElseThrow();
    if (value.length() <= scheme.length() || !value.regionMatches(true, 0, scheme, 0, scheme.length())
        || value.charAt(scheme.length()) != ' ') {
      return Optional.empty();
    }
    return Optional.of(value.substring(scheme.length() + 1).trim());
  }

  private static byte[] digest(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
