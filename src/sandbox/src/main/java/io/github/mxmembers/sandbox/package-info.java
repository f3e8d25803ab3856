/**
 * An embedded fake of the two MX APIs for trying the SDK and testing code that uses it, with no MX
 * account: {@link io.github.mxmembers.sandbox.MxSandbox}.
 */
package io.github.mxmembers.sandbox;
