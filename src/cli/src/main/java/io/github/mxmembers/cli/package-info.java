/** The {@code mx-members} command-line tool. */
package io.github.mxmembers.cli;
