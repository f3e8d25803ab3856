/**
 * Not part of the public API: may change in any release. The Platform API's seam: its settings and
 * auth ({@code PlatformAuth}), its calls over the generated models ({@code PlatformOperations}), and
 * its clients and builders ({@code PlatformClients}).
 */
package io.github.mxmembers.internal.platform;
