package kb.web;

import java.util.Map;
import java.util.function.Function;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders the Thymeleaf templates under {@code templates/} to strings, with {@code #{key}} read from {@link Messages}. */
public final class Templates {
    private final TemplateEngine engine = new TemplateEngine();
    private final Function<String, Messages> messages;
    private final Assets assets;

    /** Over fixed strings; for tests that render pages without a site. */
    public Templates(Map<String, Messages> messages, Assets assets) {
        this(Map.copyOf(messages)::get, assets);
    }

    /** @param messages the current UI strings of a language, by code */
    public Templates(Function<String, Messages> messages, Assets assets) {
        this.messages = messages;
        this.assets = assets;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new BundleResolver());
    }

    /** Renders one template with the language's messages and the shared helpers. */
    public String render(String template, String lang, Map<String, Object> variables) {
        Messages m = messages.apply(lang);
        Context context = new Context(m.locale(), variables);
        context.setVariable("lang", lang);
        // The page's BCP-47 tag, for <html lang>: pt-BR, en, es-ES…
        context.setVariable("htmlLang", m.language().hreflang());
        context.setVariable("msg", m);
        context.setVariable("assets", assets);
        return engine.process(template, context);
    }

    private final class BundleResolver implements IMessageResolver {
        @Override
        public String getName() {
            return "kb-messages";
        }

        @Override
        public Integer getOrder() {
            return 0;
        }

        @Override
        public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] params) {
            // The language's own strings, whatever its locale says (a code "br" may have the locale pt-BR).
            Messages m = (Messages) context.getVariable("msg");
            return m == null ? null : m.get(key, params == null ? new Object[0] : params);
        }

        @Override
        public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key, Object[] params) {
            return "??" + key + "??";
        }
    }
}
