/** Annotations that say how a type of mx-members may be used. */
package io.github.mxmembers.annotations;
