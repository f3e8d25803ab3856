/** Not part of the public API: the bulk engine's pacing and journal. */
package io.github.mxmembers.internal.bulk;
