package kb.insights.feedback;

import java.util.Optional;

/** Why an article did not help, as the reader may choose after answering No. */
public enum Reason {
    OUTDATED("outdated"), UNCLEAR("unclear"), NOT_MY_PROBLEM("not-my-problem"), OTHER("other");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    /** The value on the wire and in the database. */
    public String code() {
        return code;
    }

    public static Optional<Reason> of(String code) {
        for (Reason r : values()) {
            if (r.code.equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
