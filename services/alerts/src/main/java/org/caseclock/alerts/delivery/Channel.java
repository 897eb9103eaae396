package org.caseclock.alerts.delivery;

/** A way of telling people about an alert. */
public interface Channel {

    /** The name in delivery ids and metrics: {@code webhook}, {@code email}. */
    String name();

    /**
     * Sends one message; returning means it was accepted (2xx, or the SMTP server took it).
     *
     * @return where it went, for the delivery log
     * @throws Exception anything that means "not delivered": the attempt is retried later
     */
    String send(Message message) throws Exception;
}
