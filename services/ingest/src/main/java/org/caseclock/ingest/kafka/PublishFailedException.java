package org.caseclock.ingest.kafka;

/** Kafka did not acknowledge every event of a request in time; the request must not be reported accepted. */
public class PublishFailedException extends Exception {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
