/**
 * Adapter: the intake of Vonage Verify v2's signed callbacks, for any HTTP layer. {@link
 * dev.phoneverify.adapter.vonage.webhook.VonageVerifyWebhook#receive} takes the {@code Authorization} header and the
 * raw body, checks the signature (facts 2.9), hands the callback to the core's
 * {@link dev.phoneverify.core.usecase.ApplyProviderStatus} and returns a
 * {@link dev.phoneverify.adapter.vonage.webhook.WebhookAnswer} for the HTTP layer to write.
 */
package dev.phoneverify.adapter.vonage.webhook;
