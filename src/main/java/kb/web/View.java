package kb.web;

/**
 * A page ready to render: its template, the layout around it and its own model. The page model is a
 * record whose components are the template's variables, beside the layout's.
 */
public record View(String template, Layout layout, Record page) {
    /** The model of a page whose template needs nothing beyond the layout. */
    public record Blank() {}

    /** A page whose template needs nothing beyond the layout (the 404). */
    public static View of(String template, Layout layout) {
        return new View(template, layout, new Blank());
    }
}
