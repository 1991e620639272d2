package kb.publish;

/**
 * {@code /<lang>/opensearch.xml}: lets a browser add the knowledge base as a search engine. Results
 * open the search page; suggestions come from the JSON search API of the contract. Browsers show
 * suggestions only from an answer in the OpenSearch Suggestions shape ({@code ["query", ["text", …]]});
 * an answer in another shape is ignored, and searching still works.
 */
final class OpenSearch {
    private static final String OPENSEARCH_NS = "http://a9.com/-/spec/opensearch/1.1/";
    private static final String MOZ_NS = "http://www.mozilla.org/2006/browser/search/";
    /** The spec's limit for ShortName. */
    private static final int SHORT_NAME_MAX = 16;

    private OpenSearch() {}

    static String xml(String lang, String shortName, String description, Urls urls) {
        return Xml.document(xml -> {
            xml.out.setDefaultNamespace(OPENSEARCH_NS);
            xml.out.setPrefix("moz", MOZ_NS);
            xml.out.writeStartElement(OPENSEARCH_NS, "OpenSearchDescription");
            xml.out.writeDefaultNamespace(OPENSEARCH_NS);
            xml.out.writeNamespace("moz", MOZ_NS);
            xml.element("ShortName", shortName.length() > SHORT_NAME_MAX ? shortName.substring(0, SHORT_NAME_MAX) : shortName)
                    .element("Description", description)
                    .element("Language", urls.hreflang(lang))
                    .element("InputEncoding", "UTF-8")
                    .element("OutputEncoding", "UTF-8")
                    .empty("Url", "type", "text/html", "method", "get",
                            "template", urls.absolute("/" + lang + "/search?q={searchTerms}"))
                    .empty("Url", "type", "application/x-suggestions+json", "method", "get",
                            "template", urls.absolute("/api/search?q={searchTerms}&lang=" + lang))
                    .empty("Url", "type", "application/opensearchdescription+xml", "rel", "self",
                            "template", urls.absolute("/" + lang + "/opensearch.xml"));
            xml.out.writeStartElement(MOZ_NS, "SearchForm");
            xml.out.writeCharacters(urls.absolute("/" + lang + "/"));
            xml.end();
            xml.end();
        });
    }
}
