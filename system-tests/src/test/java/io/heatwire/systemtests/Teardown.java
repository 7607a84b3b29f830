package io.heatwire.systemtests;

/** What every system test's {@code @AfterAll} does with what it started. */
final class Teardown {

    private Teardown() {}

    /**
     * Closes each part that was started (a null one was not), in the order given, whatever failed
     * before: list the services before the broker, so they leave it cleanly. Rethrows the first
     * failure, with the later ones suppressed in it.
     */
    static void closeAll(AutoCloseable... parts) throws Exception {
        Exception first = null;
        for (AutoCloseable part : parts) {
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
