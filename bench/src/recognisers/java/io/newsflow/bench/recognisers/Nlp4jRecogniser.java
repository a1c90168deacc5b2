package io.newsflow.bench.recognisers;

import edu.emory.mathcs.nlp.component.template.node.NLPNode;
import edu.emory.mathcs.nlp.decode.NLPDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Emory NLP4J 1.1.3 (Apache-2.0): its English tokenizer, part-of-speech tagger and named-entity tagger (OntoNotes
 * types, BILOU tags) with the lexica they were trained with. PERSON → PERSON, ORG → ORGANIZATION, GPE and LOC →
 * LOCATION; the other OntoNotes types (NORP, FAC, dates, numbers, ...) are not entities for the scorer and are
 * dropped.
 */
public final class Nlp4jRecogniser implements Recogniser {
    static final String CONFIG = "nlp4j-decode-ner.xml";
    static final Map<String, String> TYPES = Map.of(
            "PERSON", Span.PERSON, "ORG", Span.ORGANIZATION, "GPE", Span.LOCATION, "LOC", Span.LOCATION);

    private final NLPDecoder decoder;

    public Nlp4jRecogniser() {
        try (InputStream config = Nlp4jRecogniser.class.getResourceAsStream(CONFIG)) {
            if (config == null) {
                throw new IllegalStateException(CONFIG + " is not on the classpath");
            }
            decoder = new NLPDecoder(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Span> find(String text) {
        List<NLPNode[]> sentences;
        try {
            sentences = decoder.decodeDocument(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Span> spans = new ArrayList<>();
        for (NLPNode[] sentence : sentences) {
            collect(sentence, spans);
        }
        return spans;
    }

    /** BILOU tags of one sentence (node 0 is NLP4J's artificial root) → spans; a broken sequence ends its span. */
    static void collect(NLPNode[] nodes, List<Span> out) {
        int start = -1;
        int end = -1;
        String open = null;
        for (int i = 1; i < nodes.length; i++) {
            String tag = nodes[i].getNamedEntityTag();
            char prefix = tag == null || tag.length() < 3 || tag.charAt(1) != '-' ? 'O' : tag.charAt(0);
            String label = prefix == 'O' ? null : tag.substring(2);
            boolean continues = (prefix == 'I' || prefix == 'L') && label.equals(open);
            if (!continues) {
                emit(open, start, end, out);
                open = prefix == 'O' ? null : label;
                start = nodes[i].getStartOffset();
            }
            end = nodes[i].getEndOffset();
            if (prefix == 'L' || prefix == 'U') {
                emit(open, start, end, out);
                open = null;
            }
        }
        emit(open, start, end, out);
    }

    private static void emit(String label, int start, int end, List<Span> out) {
        String type = label == null ? null : TYPES.get(label);
        if (type != null && start >= 0 && end > start) {
            out.add(new Span(start, end, type));
        }
    }
}
