package io.github.mcsync.ops;

/** An ops API request that cannot be answered as asked: the HTTP status and a sentence for the operator. */
public class OpsRequestException extends RuntimeException {
    private final int status;

    public OpsRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    public static OpsRequestException badRequest(String message) {
        return new OpsRequestException(400, message);
    }

    public static OpsRequestException notFound(String message) {
        return new OpsRequestException(404, message);
    }

    public static OpsRequestException conflict(String message) {
        return new OpsRequestException(409, message);
    }

    public int status() {
        return status;
    }
}
