package uk.gov.em.hub.common.domain;

/** A query or path parameter the hub cannot use, with the parameter's name and what is wrong with it. */
public final class InvalidParameter extends Rejection {

    private final String parameter;

    public InvalidParameter(String parameter, String problem) {
        super(Kind.INVALID, "invalid-parameter", "Invalid parameter", parameter + " " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
