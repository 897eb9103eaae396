package org.caseclock.deploy;

import com.fasterxml.jackson.databind.JsonNode;

/** What a service's own configuration says about it. */
final class Services {

    private Services() {}

    /** server.port from the service's application.yml. */
    static int port(String service) {
        JsonNode port = Repo.yaml("services/" + service + "/src/main/resources/application.yml").path("server").path("port");
        if (!port.canConvertToInt()) {
            throw new IllegalStateException(service + " sets no server.port in its application.yml");
        }
        return port.asInt();
    }
}
