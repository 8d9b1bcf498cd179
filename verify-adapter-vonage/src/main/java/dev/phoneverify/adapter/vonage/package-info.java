/**
 * Adapter: the verification gateway over Vonage Verify v1 through the official Java SDK 9.3.1.
 *
 * <p>Entry points: {@link dev.phoneverify.adapter.vonage.VonageConfig} (settings, also from environment variables)
 * and {@link dev.phoneverify.adapter.vonage.VonageVerificationGateway} (the port implementation). No Vonage type
 * leaves this package's public API.
 */
package dev.phoneverify.adapter.vonage;
