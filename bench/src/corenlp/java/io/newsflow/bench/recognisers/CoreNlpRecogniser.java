package io.newsflow.bench.recognisers;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.Triple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stanford CoreNLP 4.5.10's English 3-class CRF ({@code english.all.3class.distsim.crf.ser.gz} from the models jar on
 * Maven Central) with its own tokenizer. GPL v3+: measured for issue 8, never shipped with the project.
 */
public final class CoreNlpRecogniser implements Recogniser {
    static final String MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";
    static final Map<String, String> TYPES = Map.of(
            "PERSON", Span.PERSON, "ORGANIZATION", Span.ORGANIZATION, "LOCATION", Span.LOCATION);

    private final CRFClassifier<CoreLabel> classifier;

    public CoreNlpRecogniser() {
        try {
            classifier = CRFClassifier.getClassifier(MODEL);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load " + MODEL, e);
        }
    }

    @Override
    public List<Span> find(String text) {
        List<Span> spans = new ArrayList<>();
        for (Triple<String, Integer, Integer> t : classifier.classifyToCharacterOffsets(text)) {
            String type = TYPES.get(t.first());
            if (type != null && t.third() > t.second()) {
                spans.add(new Span(t.second(), t.third(), type));
            }
        }
        return spans;
    }
}
