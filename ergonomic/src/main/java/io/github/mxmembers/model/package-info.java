/**
 * The values the clients take and give: what to change ({@link io.github.mxmembers.model.MemberUpdate},
 * its table of fields {@link io.github.mxmembers.model.UpdateField}, {@link
 * io.github.mxmembers.model.Credential}, {@link io.github.mxmembers.model.CallbackPayload}), which member
 * ({@link io.github.mxmembers.model.MemberRef}), what MX answers ({@link
 * io.github.mxmembers.model.MemberUpdateResult}, {@link io.github.mxmembers.model.Member} with {@link
 * io.github.mxmembers.model.ConnectionStatus} and {@link io.github.mxmembers.model.UseCase}, {@link
 * io.github.mxmembers.model.RequiredCredential}, {@link io.github.mxmembers.model.Challenge}), the MFA
 * answers ({@link io.github.mxmembers.model.MemberResume}) and a redacted {@link
 * io.github.mxmembers.model.RequestPreview}. Every value is immutable; the ones MX answers with have
 * public builders, so that a unit test can stub the SDK.
 */
package io.github.mxmembers.model;
