/**
 * What MX pushes back: its webhooks, verified before they are read ({@link
 * io.github.mxmembers.webhook.WebhookAuth}), typed ({@link io.github.mxmembers.webhook.WebhookEvent}
 * and its kinds), received as MX asks ({@link io.github.mxmembers.webhook.WebhookReceiver}: 204 at
 * once, re-sends delivered once, your listener apart from MX's request), served on the JDK's HTTP
 * server ({@link io.github.mxmembers.webhook.WebhookServer}), and waking the waits on the member
 * they name. MX's own advice is both: use webhooks, and keep reading the status as a failsafe; the
 * waits do both. The facts this relies on, each with its source: the README's "Webhooks" section.
 */
package io.github.mxmembers.webhook;
