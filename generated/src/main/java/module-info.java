/**
 * The clients generated from MX's specs and the handwritten HTTP seam under them. Nothing here is for
 * users: every package is exported to the ergonomic layer ({@code io.github.mxmembers}) alone, but
 * for the annotation that marks what is internal.
 */
module io.github.mxmembers.generated {
  requires transitive org.apache.httpcomponents.client5.httpclient5;
  requires transitive org.apache.httpcomponents.core5.httpcore5;
  requires transitive com.google.gson;

  exports io.github.mxmembers.annotations;
  exports io.github.mxmembers.generated.platform to io.github.mxmembers;
  exports io.github.mxmembers.generated.platform.api to io.github.mxmembers;
  exports io.github.mxmembers.generated.platform.model to io.github.mxmembers;
  exports io.github.mxmembers.generated.nexus to io.github.mxmembers;
  exports io.github.mxmembers.generated.nexus.api to io.github.mxmembers;
  exports io.github.mxmembers.generated.nexus.model to io.github.mxmembers;
  exports io.github.mxmembers.internal.transport to io.github.mxmembers;

  // the enums name their Gson adapter with @JsonAdapter, which Gson instantiates reflectively
  opens io.github.mxmembers.generated.platform.model to com.google.gson;
  opens io.github.mxmembers.generated.nexus.model to com.google.gson;
}
