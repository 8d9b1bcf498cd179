package dev.phoneverify.app;

/**
 * What a store module needs done over the app's life beyond answering calls: background housekeeping once the
 * app runs, and releasing its resources when it stops. {@link RunningApp} drives it.
 */
interface StoreMaintenance extends AutoCloseable {

    /** For stores that look after themselves. */
    StoreMaintenance NONE = new StoreMaintenance() {
        @Override
        public void start() {
        }

        @Override
        public void close() {
        }
    };

    /** Whether the store can be used now, for readiness; a store in this process always can. */
    default boolean isAvailable() {
        return true;
    }

    /** Begins any scheduled housekeeping. */
    void start();

    /** Stops the housekeeping and releases the store's resources; called once, when the app stops. */
    @Override
    void close();
}
