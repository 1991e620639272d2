package kb.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Adds to each section heading of an article body a permalink and a "copy link" button, labelled in
 * the reader's language. The button stays hidden until the script can make it work.
 */
final class HeadingDecorator {
    private static final String WORD_JOINER = "\u2060";

    private HeadingDecorator() {}

    static String decorate(String bodyHtml, Messages messages) {
        Document doc = Jsoup.parseBodyFragment(bodyHtml);
        doc.outputSettings().prettyPrint(false);
        for (Element h : doc.body().select("h2[id], h3[id], h4[id], h5[id], h6[id]")) {
            String id = h.id();
            String heading = h.text();
            h.addClass("section-heading");
            // A word joiner before the tools and between them: they wrap with the heading's last
            // word, never onto a line of their own (a blank line while they are hidden).
            h.appendText(WORD_JOINER);
            Element tools = h.appendElement("span").addClass("heading-tools");
            tools.appendElement("a")
                    .addClass("permalink")
                    .attr("href", "#" + id)
                    .attr("aria-label", messages.get("article.permalink", heading))
                    .text("#");
            tools.appendText(WORD_JOINER);
            tools.appendElement("button")
                    .attr("type", "button")
                    .addClass("copy-link")
                    .attr("data-copy-anchor", id)
                    .attr("data-copied", messages.get("article.copy.done"))
                    .attr("aria-label", messages.get("article.copy.label", heading))
                    .attr("hidden", true)
                    .text(messages.get("article.copy"));
        }
        return doc.body().html();
    }
}
