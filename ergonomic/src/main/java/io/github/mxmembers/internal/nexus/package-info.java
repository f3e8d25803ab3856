/** Not part of the public API: Nexus sessions and the SSO API-token call. */
package io.github.mxmembers.internal.nexus;
