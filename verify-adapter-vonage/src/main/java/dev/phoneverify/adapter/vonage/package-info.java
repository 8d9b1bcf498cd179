/**
 * Adapter: the verification gateways over the official Vonage Java SDK 9.3.1, for Verify v1 and Verify v2.
 *
 * <p>Entry points: {@link dev.phoneverify.adapter.vonage.VonageConfig} and
 * {@link dev.phoneverify.adapter.vonage.VonageVerificationGateway} (v1);
 * {@link dev.phoneverify.adapter.vonage.VonageV2Config} and
 * {@link dev.phoneverify.adapter.vonage.VonageV2VerificationGateway} (v2). Both configs read environment variables
 * in {@code fromEnvironment}. No Vonage type leaves this package's public API.
 */
package dev.phoneverify.adapter.vonage;
