/**
 * Adapter: an in-memory simulator of Vonage Verify v1 for tests and demos. {@link
 * dev.phoneverify.adapter.fake.FakeVerificationGateway} implements the core's gateway port and adds a tester's API
 * (outbox, clock, deterministic codes, scripted faults); {@link dev.phoneverify.adapter.fake.FakeVerificationExtension}
 * hands a fresh one to each JUnit 5 test.
 */
package dev.phoneverify.adapter.fake;
