package io.newsflow.processor.enrich;

import io.newsflow.avro.EntityType;
import io.newsflow.processor.enrich.Gazetteer.Place;
import io.newsflow.processor.enrich.Tokenizer.Token;

import java.util.List;

/** A candidate name in the text, from the candidates stage; the later stages fill in its type, place and links. */
final class Candidate {
    int from, to;              // token indexes, to exclusive (after trimming)
    int start, end;            // char offsets
    String text;               // as in the body
    String clean;              // brackets removed, spaces normalised
    String key;
    int words;
    EntityType type;           // decided type, null = undecided
    double score;              // strength of the evidence
    Place place;
    EntityDictionary.Entry entry;
    boolean weak;              // single word without its own evidence: keep only when coreference supports it
    boolean headline;
    boolean locative;          // "in X", "city of X", "X region": the text itself says it is a place
    boolean personCue;
    Candidate aliasOf;         // parenthesised alias of the previous name

    static Candidate of(String body, List<Token> toks, int from, int to) {
        Candidate c = new Candidate();
        c.from = from; c.to = to;
        c.start = toks.get(from).start; c.end = toks.get(to - 1).end;
        c.text = body.substring(c.start, c.end);
        StringBuilder b = new StringBuilder();
        int words = 0;
        boolean afterBracket = false;
        for (int k = from; k < to; k++) {
            Token t = toks.get(k);
            if (t.punct('[') || t.punct(']')) { afterBracket = t.punct('['); continue; }
            if (b.length() > 0 && (t.spaceBefore || afterBracket)) b.append(' ');
            afterBracket = false;
            // a hyphenated compound is one word: OVD-Info, Anaya-Rivera, Ivano-Frankivsk
            if (t.word && (words == 0 || t.spaceBefore || k == from || !toks.get(k - 1).punct('-') && !toks.get(k - 1).punct('\u2010'))) words++;
            b.append(t.text);
        }
        c.clean = b.toString().replace(" ]", "").replace("[ ", "");
        // the mention is a balanced slice of the body: a span that took an editorial "[" ends after its "]"
        // ("Vladimir Vladimirovich [Putin]"), though the name's last token stays the word before it
        int open = 0;
        for (int k = from; k < to; k++) {
            if (toks.get(k).punct('[')) open++;
            else if (toks.get(k).punct(']') && open > 0) open--;
        }
        if (open > 0 && to < toks.size() && toks.get(to).punct(']')) {
            c.end = toks.get(to).end;
            c.text = body.substring(c.start, c.end);
        }
        c.key = Norm.key(c.clean);
        c.words = words;
        return c;
    }
}
