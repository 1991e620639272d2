package kb.web;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.json.JavalinJackson;

/**
 * The JSON mapper for every API answer. What a reader typed is echoed back (the query), so
 * {@code <} and {@code >} are written as {@code \\u003c} and {@code \\u003e}: the JSON means the
 * same, and no browser can ever take it for markup. URLs keep their {@code &} readable.
 */
public final class Json {
    /** Thread-safe once configured; shared by Javalin's mapper and {@link Api#json}. */
    static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setCharacterEscapes(new HtmlSafe());
    }

    private Json() {}

    public static JavalinJackson mapper() {
        return new JavalinJackson(MAPPER, false);
    }

    private static final class HtmlSafe extends CharacterEscapes {
        private final int[] escapes;

        HtmlSafe() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>'}) {
                escapes[c] = CharacterEscapes.ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
