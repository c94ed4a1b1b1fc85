package cn.cg.api.system;

/**
 * A request parameter that is wrong; answered as a 400 problem naming the parameter. Throw it from
 * any feature's validation; {@link ProblemHandler} does the rest.
 */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
