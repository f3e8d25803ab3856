/** Not part of the public API: may change in any release. */
package io.github.mxmembers.internal;
