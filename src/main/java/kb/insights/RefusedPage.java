package kb.insights;

/**
 * The model of the page that says an answer or a request was refused, in the reader's language.
 *
 * @param message why, for the reader
 * @param back    where to go from here
 */
public record RefusedPage(String message, String back) {}
