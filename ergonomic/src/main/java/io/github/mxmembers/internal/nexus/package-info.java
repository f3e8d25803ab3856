/**
 * Not part of the public API: may change in any release. The Nexus API's seam: its settings and the
 * session source ({@code NexusAuth}), sessions and the SSO API-token call, its calls over the generated
 * models ({@code NexusOperations}), and its clients and builders ({@code NexusClients}).
 */
package io.github.mxmembers.internal.nexus;
