/**
 * Not part of the public API: may change in any release. What every client is made of, whatever its
 * API and flavour: the builders' settings ({@code ClientSettings}, {@code DefaultClientBuilder}), the
 * runtime, the one core ({@code MemberCalls}) the four clients delegate to, each call as an {@code
 * Operation} run by {@code Calls}, and the one {@code Loop} of every flow of several calls. An API's
 * own part is one {@code ApiSettings} and one {@code ApiOperations}.
 */
package io.github.mxmembers.internal.client;
