/** Not part of the public API: may change in any release. The one reader of MX's JSON, {@code MxJson}. */
package io.github.mxmembers.internal.json;
