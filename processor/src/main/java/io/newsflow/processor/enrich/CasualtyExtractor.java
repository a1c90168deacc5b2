package io.newsflow.processor.enrich;

import io.newsflow.avro.CasualtyFigure;
import io.newsflow.avro.FigureCategory;
import io.newsflow.avro.Qualifier;
import io.newsflow.processor.enrich.Tokenizer.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Casualty figures: a grammar of numbers (digits with group separators, number words, scale words, vague amounts,
 * ranges), the qualifier before the number, the category word in the same clause (after the counted noun phrase, or
 * the verb right before the number, or a "death toll" earlier in the clause), the subject noun phrase and the
 * attribution. See docs/enrichment.md for the rules.
 */
final class CasualtyExtractor {
    // number shapes, compiled once (every number in every article is checked against them)
    private static final java.util.regex.Pattern COMMA_GROUPS = java.util.regex.Pattern.compile("\\d{1,3}(,\\d{3})+");
    private static final java.util.regex.Pattern DOT_GROUPS = java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{3})+");
    private static final java.util.regex.Pattern DECIMAL_DOT = java.util.regex.Pattern.compile("\\d+\\.\\d+");
    private static final java.util.regex.Pattern DECIMAL_COMMA = java.util.regex.Pattern.compile("\\d+,\\d{1,2}");


    // the number grammar's words, the categories and the qualifiers: lexicon/rules/casualties.tsv
    static final Map<String, Integer> UNITS = intValues("number-units");
    static final Map<String, Integer> TENS = intValues("number-tens");
    static final Map<String, Long> SCALES = longValues("number-scales");
    /** ACLED-style conservative values of vague amounts. */
    static final Map<String, Long> VAGUE = longValues("vague-amounts");

    private static final Map<String, FigureCategory> CATEGORY = new HashMap<>();
    private static final Set<String> ACTIVE_VERBS = Rules.CASUALTIES.set("active-verbs");

    static {
        Rules.CASUALTIES.map("categories").forEach((w, c) -> CATEGORY.put(w, FigureCategory.valueOf(c)));
    }

    private static Map<String, Integer> intValues(String list) {
        Map<String, Integer> m = new HashMap<>();
        Rules.CASUALTIES.map(list).forEach((w, v) -> m.put(w, Integer.valueOf(v)));
        return Map.copyOf(m);
    }

    private static Map<String, Long> longValues(String list) {
        Map<String, Long> m = new HashMap<>();
        Rules.CASUALTIES.map(list).forEach((w, v) -> m.put(w, Long.valueOf(v)));
        return Map.copyOf(m);
    }

    /** Nouns counted by numbers that are not casualties. */
    private static final Set<String> NOT_PEOPLE = Rules.CASUALTIES.set("not-people");
    private static final Set<String> NP_STOP = Rules.CASUALTIES.set("np-stop");
    private static final Set<String> MONTHS = Rules.CASUALTIES.set("months");
    private static final Set<String> CURRENCY = Rules.CASUALTIES.set("currency");
    private static final Set<String> CLAUSE_END = Rules.CASUALTIES.set("clause-end");

    /** A parsed number: tokens [from, to), value, vagueness. */
    static final class Num {
        int from, to;
        long value;
        boolean vague;
        Num(int from, int to, long value, boolean vague) { this.from = from; this.to = to; this.value = value; this.vague = vague; }
    }

    List<CasualtyFigure> extract(String body, List<Token> toks, long deadlineNanos) {
        List<CasualtyFigure> out = new ArrayList<>();
        int n = toks.size();
        int sentStart = 0;
        CasualtyFigure last = null;
        int lastSent = -1;
        for (int i = 0; i < n; i++) {
            if ((i & 255) == 0 && System.nanoTime() > deadlineNanos) break;
            Token t = toks.get(i);
            if (t.sentenceStart) sentStart = i;
            if (!t.word) continue;
            Num num = parse(toks, i);
            if (num == null) continue;
            int[] end = {num.to};
            CasualtyFigure f = figure(body, toks, num, sentStart, end, lastSent == sentStart ? last : null);
            if (f != null) { out.add(f); last = f; lastSent = sentStart; }
            i = Math.max(num.to, end[0]) - 1;
        }
        return dedupe(out);
    }

    // ---------------------------------------------------------------- number grammar

    /** Parses a number expression starting at token i, or returns null. */
    Num parse(List<Token> toks, int i) {
        int n = toks.size();
        Token t = toks.get(i);
        String w = t.lower;
        long value;
        boolean vague = false;
        int j;
        if (t.number) {
            Double d = digits(t.text);
            if (d == null) return null;
            j = i + 1;
            double v = d;
            if (j < n && SCALES.containsKey(toks.get(j).lower) && toks.get(j).word) { v *= SCALES.get(toks.get(j).lower); j++; }
            if (v != Math.floor(v) && v < 1000) return null;   // 3.5 alone is not a head count
            value = (long) v;
        } else if (UNITS.containsKey(w) || TENS.containsKey(w)) {
            long v;
            j = i + 1;
            if (TENS.containsKey(w)) {
                v = TENS.get(w);
                if (j + 1 < n && toks.get(j).punct('-') && UNITS.containsKey(toks.get(j + 1).lower) && UNITS.get(toks.get(j + 1).lower) < 10) {
                    v += UNITS.get(toks.get(j + 1).lower);
                    j += 2;
                }
            } else {
                v = UNITS.get(w);
            }
            // "two dozen", "three hundred", "five thousand", "two million"
            if (j < n && toks.get(j).is("dozen")) { v *= 12; j++; }
            while (j < n && SCALES.containsKey(toks.get(j).lower)) { v *= SCALES.get(toks.get(j).lower); j++; }
            if (v == 0 || (v == 1 && j == i + 1)) return null;
            value = v;
        } else if ((w.equals("a") || w.equals("an")) && i + 1 < n && (SCALES.containsKey(toks.get(i + 1).lower) || toks.get(i + 1).is("dozen"))) {
            j = i + 2;
            value = toks.get(i + 1).is("dozen") ? 12 : SCALES.get(toks.get(i + 1).lower);
            while (j < n && SCALES.containsKey(toks.get(j).lower)) { value *= SCALES.get(toks.get(j).lower); j++; }
        } else if (w.equals("dozen") && i > 0 && !toks.get(i - 1).word) {
            return null;
        } else if (VAGUE.containsKey(w)) {
            // dozens, hundreds, thousands, tens of thousands, hundreds of thousands
            value = VAGUE.get(w);
            vague = true;
            j = i + 1;
            if (j + 1 < n && toks.get(j).is("of") && VAGUE.containsKey(toks.get(j + 1).lower) && !toks.get(j + 1).is("tens")) {
                value *= VAGUE.get(toks.get(j + 1).lower);
                j += 2;
            }
            if (w.equals("tens") && value == 10) return null;   // "tens" alone
        } else {
            return null;
        }
        // compound adjectives: "nine-minute-long", "13-year-old", "48-hour"
        if (j < n && toks.get(j).punct('-') && !toks.get(j).spaceBefore && j + 1 < n && toks.get(j + 1).word
            && !toks.get(j + 1).number && !UNITS.containsKey(toks.get(j + 1).lower)) return null;
        return new Num(i, j, value, vague);
    }

    /** "1,234" "189 000" "3.2" "1.234.567"; null when not a plain number (e.g. "48h"). */
    static Double digits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int groups = 0, commas = 0, dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') b.append(c);
            else if (c == ',') { commas++; groups++; b.append(','); }
            else if (c == '.') { dots++; groups++; b.append('.'); }
            else if (c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2009') { groups++; b.append(','); }
            else return null;
        }
        String x = b.toString();
        if (groups == 0) return x.length() > 15 ? null : Double.parseDouble(x);
        // thousands groups: d{1,3}(sep ddd)+ with one kind of separator
        if (COMMA_GROUPS.matcher(x).matches() || (dots >= 2 && DOT_GROUPS.matcher(x).matches())) {
            String digits = x.replace(",", "").replace(".", "");
            return digits.length() > 15 ? null : Double.parseDouble(digits);
        }
        if (commas == 0 && dots == 1 && DECIMAL_DOT.matcher(x).matches()) return Double.parseDouble(x);
        if (dots == 0 && commas == 1 && DECIMAL_COMMA.matcher(x).matches()) return Double.parseDouble(x.replace(',', '.'));
        return null;
    }

    // ---------------------------------------------------------------- figures

    /** Dates, years, money, percentages, ages, ordinals and family sizes count no casualties. */
    private static boolean notCounted(List<Token> toks, Num num) {
        int n = toks.size();
        Token first = toks.get(num.from);
        Token prev = num.from > 0 ? toks.get(num.from - 1) : null;
        Token next = num.to < n ? toks.get(num.to) : null;
        // dates, years, money, percentages, ordinals
        if (prev != null && (CURRENCY.contains(prev.lower) || MONTHS.contains(prev.lower))) return true;
        if (next != null && (MONTHS.contains(next.lower) || next.punct('%') || next.is("percent") || CURRENCY.contains(next.lower))) return true;
        if (next != null && next.is("per") && num.to + 1 < n && toks.get(num.to + 1).is("cent")) return true;
        if (first.number && num.to == num.from + 1 && !num.vague && first.text.length() == 4 && num.value >= 1800 && num.value <= 2100) {
            // a bare year unless a counted noun follows directly ("2000 people were killed")
            if (next == null || !next.word || CATEGORY.get(next.lower) == null && !personNoun(next.lower)) return true;
        }
        if (prev != null && (prev.is("aged") || prev.is("age") || prev.is("no") || prev.is("number") || prev.is("page")
            || prev.is("magnitude") || prev.is("route") || prev.is("article") || prev.is("resolution"))) return true;
        // "a mother of five", "father-of-three": the size of a family, not a count of victims
        if (familySize(toks, num.from)) return true;
        return false;
    }

    private CasualtyFigure figure(String body, List<Token> toks, Num num, int sentStart, int[] endOut, CasualtyFigure prevFig) {
        int n = toks.size();
        Token first = toks.get(num.from);
        Token prev = num.from > 0 ? toks.get(num.from - 1) : null;
        Token next = num.to < n ? toks.get(num.to) : null;
        if (notCounted(toks, num)) return null;

        // range: between A and B, from A to B, A to B, A-B
        Num hi = null;
        int end = num.to;
        if (end + 1 < n && (toks.get(end).is("to") || toks.get(end).is("and") || toks.get(end).punct('-')
            || toks.get(end).punct('\u2013'))) {
            Num b = parse(toks, end + 1);
            boolean between = prev != null && (prev.is("between") || prev.is("from"));
            boolean ok = b != null && b.value > num.value && (between || !toks.get(end).is("and"));
            if (ok) { hi = b; end = b.to; endOut[0] = end; }
        }
        // qualifier before the number
        int qStart = num.from;
        Qualifier q = Qualifier.EXACT;
        int[] qual = qualifier(toks, hi != null && prev != null && (prev.is("between") || prev.is("from")) ? num.from - 1 : num.from);
        if (qual != null) { q = Qualifier.values()[qual[1]]; qStart = qual[0]; }
        if (hi != null) {
            q = Qualifier.RANGE;
            if (prev != null && (prev.is("between") || prev.is("from"))) qStart = num.from - 1;
        } else if (num.vague && q == Qualifier.EXACT) {
            q = Qualifier.AT_LEAST;
        }
        // "could kill up to 10,000", "would leave thousands dead": a hypothetical, not a count
        if (modalBefore(toks, qStart, sentStart)) return null;

        // the counted noun phrase: "mobilized men", "civilians", "others", "injured individuals"
        int k = end;
        if (k < n && toks.get(k).is("of") && (num.vague || num.value >= 100 && first.word)) k++;   // dozens of people
        if (k < n && (toks.get(k).is("more") || toks.get(k).is("other") || toks.get(k).is("additional"))) k++;
        int npStart = k;
        List<String> np = new ArrayList<>(4);
        List<String> npText = new ArrayList<>(4);
        while (k < n && np.size() < 4) {
            Token t = toks.get(k);
            if (!t.word || t.number || NP_STOP.contains(t.lower) || Norm.isUpperInitial(t.text) && k > npStart) break;
            if (ACTIVE_VERBS.contains(t.lower) && !np.isEmpty() && !t.lower.endsWith("ed")) break;
            if ((t.is("lost") || t.is("out")) && !np.isEmpty()) break;   // "40 people lost their lives", "drove 90 farmers out of"
            // "five others washed ashore": a person noun ends the phrase unless another noun or a category word follows
            if (!np.isEmpty() && personNoun(np.get(np.size() - 1)) && !personNoun(t.lower) && !CATEGORY.containsKey(t.lower)
                && t.lower.endsWith("ed")) break;
            np.add(t.lower);
            npText.add(t.text);
            k++;
            // a category noun ends the phrase ("5 dead", "9 bodies")
            FigureCategory c = CATEGORY.get(t.lower);
            if (c != null && !t.lower.endsWith("ed") && !t.lower.endsWith("ing")) break;
        }
        int npEnd = k;
        String head = np.isEmpty() ? null : np.get(np.size() - 1);
        if (head != null && NOT_PEOPLE.contains(head)) return null;
        for (String w : np) if (NOT_PEOPLE.contains(w)) return null;
        // "Rescue 1122 said", "Flight 816 was": a number that is part of a name counts nothing
        if (np.isEmpty() && numberInName(toks, num.from, num.to)) return null;

        Found found = categoryOf(toks, qStart, sentStart, np, head, npEnd, prevFig);
        FigureCategory cat = found.cat;
        int catEnd = found.catEnd, contEnd = found.contEnd, before = found.before;
        if (cat == null) return null;
        // a figure that counts things other than people ("40 villages were flooded") was excluded above; a noun
        // phrase that is not about people or a casualty word needs the category right after it
        if (head != null && !personNoun(head) && !CATEGORY.containsKey(head) && catEnd < 0 && !np.contains("dead")) {
            boolean anyCat = false;
            for (String w : np) if (CATEGORY.containsKey(w)) anyCat = true;
            if (!anyCat && before < 0) return null;
        }

        String subject = contEnd > 0 && np.isEmpty() ? prevFig.getSubject() : subject(np, npText);
        int textEnd = Math.max(toks.get(Math.max(npEnd, end) - 1).end, catEnd > 0 ? toks.get(catEnd - 1).end : 0);
        if (contEnd > 0) textEnd = Math.max(textEnd, toks.get(contEnd - 1).end);
        int textStart = toks.get(qStart).start;
        if (textEnd <= textStart) textEnd = toks.get(end - 1).end;
        Long min = num.value, max = null;
        if (hi != null) max = hi.value;
        else if (q == Qualifier.AT_MOST) { min = null; max = num.value; }
        else if (q == Qualifier.APPROXIMATE) min = null;
        String attribution = attribution(toks, sentStart, body);
        return new CasualtyFigure(cat, num.value, min, max, q, subject, attribution,
            body.substring(textStart, textEnd), textStart, textEnd, null);
    }

    /** The category a count's context gives it, with where its evidence ends. */
    private static final class Found {
        FigureCategory cat;
        int catEnd = -1;       // token after a category word behind the noun phrase, else -1
        int contEnd = -1;      // token after the place of an elliptical list item, else -1
        int before;            // the token before the count and its qualifier (skipping "another", "a" ...)
    }

    /**
     * The category of the count whose qualifier starts at {@code qStart} and whose noun phrase is {@code np}, in order:
     * an active verb before it, a category word after the noun phrase in the same clause, one inside the noun phrase,
     * a "death toll" earlier in the clause, the previous figure of an elliptical list.
     */
    private Found categoryOf(List<Token> toks, int qStart, int sentStart, List<String> np, String head, int npEnd,
                             CasualtyFigure prevFig) {
        int n = toks.size();
        FigureCategory cat = null;
        int catEnd = -1;
        // 1. an active verb right before the number (and its qualifier): "killing at least 9", "displaced millions"
        int before = qStart - 1;
        while (before >= sentStart && before >= 0 && (toks.get(before).is("another") || toks.get(before).is("a")
            || toks.get(before).is("further") || toks.get(before).is("some") || toks.get(before).is("all"))) before--;
        if (before >= 0 && before >= sentStart && ACTIVE_VERBS.contains(toks.get(before).lower)) {
            String v = toks.get(before).lower;
            if (v.equals("claimed") || v.equals("left") || v.equals("leaving")) {
                // "left 5 dead" is handled by the noun phrase; "claimed 40 lives" below
            } else {
                cat = CATEGORY.get(v);
            }
        }
        // "drove 4,500 farmers out of their villages"
        if (cat == null && before >= sentStart && before >= 0 && DRIVE_OUT.contains(toks.get(before).lower) && outOfHomes(toks, npEnd)) {
            cat = FigureCategory.DISPLACED;
        }
        // "claimed 40 lives", "cost 12 lives"
        if (cat == null && "lives".equals(head) && before >= sentStart && before >= 0 && TAKE_LIVES.contains(toks.get(before).lower)) {
            cat = FigureCategory.KILLED;
        }
        // "the bodies of 7 fishermen", "claimed the lives of 33 people"
        if (cat == null && before >= 1 && before > sentStart && toks.get(before).is("of")) {
            Token b1 = toks.get(before - 1);
            if (b1.is("bodies") || b1.is("remains")) cat = FigureCategory.KILLED;
            else if (b1.is("lives") && before >= 3 && toks.get(before - 2).is("the")
                && TAKE_LIVES.contains(toks.get(before - 3).lower)) cat = FigureCategory.KILLED;
        }
        // 2. a category word after the noun phrase, in the same clause
        boolean including = qStart > 0 && toks.get(qStart - 1).is("including");
        if (cat == null && including && prevFig != null) {
            // "killed 12 people, including three children": the enclosing figure's category
            cat = prevFig.getCategory();
        }
        if (cat == null) {
            boolean skipped = false, asideSkipped = false;
            int limit = npEnd + 8;
            for (int m = npEnd; m < n && m < limit; m++) {
                Token t = toks.get(m);
                if (t.punct(',') && !skipped && (including || m + 1 < n && toks.get(m + 1).is("including"))) {
                    // "At least 326 people, including 43 children, have been killed": the clause resumes after the aside
                    skipped = true;
                    if (!including) {
                        int c2 = m + 2;
                        while (c2 < n && c2 < m + 12 && !toks.get(c2).punct(',') && !(toks.get(c2).punct('.') || toks.get(c2).punct(';'))) c2++;
                        if (c2 >= n || !toks.get(c2).punct(',')) break;
                        m = c2;
                    }
                    limit = m + 8;
                    continue;
                }
                if (!asideSkipped && !t.word) {
                    // "1.9 million people \u2013 roughly 90 percent of the population \u2013 have been displaced",
                    // "320 civilians, mostly women, were evacuated", "27 miners (all from one shift) died"
                    int close = asideEnd(toks, m);
                    if (close > 0) { asideSkipped = true; m = close; limit = close + 9; continue; }
                }
                if (!t.word && CLAUSE_END.contains(t.text)) break;
                if (t.number || parse(toks, m) != null && m > npEnd) break;
                if (t.is("but") || t.is("while") || t.is("whereas") || t.is("although")) break;
                // "could be killed" is not this count's predicate; "68, and the toll could be higher" leaves the count to the toll
                if (MODALS.contains(t.lower) && m + 1 < n && toks.get(m + 1).is("be")) break;
                FigureCategory c = "lives".equals(head) && t.is("lost") ? FigureCategory.KILLED : category(toks, m);
                if (c != null) { cat = c; catEnd = m + 1; break; }
            }
        }
        // 3. a category word inside the noun phrase: "5 dead", "30 injured individuals", "10,000 reservists"
        if (cat == null) {
            for (String w : np) {
                FigureCategory c = CATEGORY.get(w);
                if (c != null) { cat = c; break; }
            }
        }
        // 4. "the death toll ... has risen to 40": a toll earlier in the clause
        if (cat == null && (np.isEmpty() || personNoun(head) || CATEGORY.containsKey(head))) {
            for (int m = qStart - 1; m >= sentStart && m >= 0 && m >= qStart - 30; m--) {
                Token t = toks.get(m);
                if (!t.word && (t.punct(';') || t.punct('.'))) break;
                if (t.is("toll")) {
                    Token b = m > 0 ? toks.get(m - 1) : null;
                    cat = b != null && (b.is("casualty") || b.is("injury")) ? (b.is("injury") ? FigureCategory.WOUNDED : FigureCategory.CASUALTIES)
                        : FigureCategory.KILLED;
                    break;
                }
            }
        }
        // 5. "38 people died in Aville, 24 in Btown and 17 in Cburg": a number after a comma or "and" that continues the
        //    sentence's previous figure and is followed by "in/at <Place>" takes that figure's category (and subject)
        int contEnd = -1;
        if (cat == null && prevFig != null && (np.isEmpty() || personNoun(head))) {
            contEnd = continuation(toks, qStart, npEnd, prevFig.getEnd(), sentStart);
            if (contEnd > 0) cat = prevFig.getCategory();
        }
        Found r = new Found();
        r.cat = cat;
        r.catEnd = catEnd;
        r.contEnd = contEnd;
        r.before = before;
        return r;
    }

    private static FigureCategory category(List<Token> toks, int m) {
        Token t = toks.get(m);
        int n = toks.size();
        if (t.is("called") && m + 1 < n && toks.get(m + 1).is("up")) return FigureCategory.MOBILIZED;
        if (t.is("taken") && m + 1 < n && (toks.get(m + 1).is("prisoner") || toks.get(m + 1).is("captive") || toks.get(m + 1).is("hostage"))) return FigureCategory.DETAINED;
        if (t.is("lost") && m + 2 < n && toks.get(m + 2).is("lives")) return FigureCategory.KILLED;
        if (t.is("lives")) return m + 1 < n && toks.get(m + 1).is("lost") ? FigureCategory.KILLED : null;
        if (t.is("death") || t.is("body") || t.is("wound") || t.is("die") || t.is("kill") || t.is("injure")) {
            // "death" as a noun after a count is rare; "sentenced to death" is not a figure
            return null;
        }
        if ((t.is("dead") || t.is("injured") || t.is("wounded") || t.is("missing")) && m > 1 && toks.get(m - 1).is("the")) {
            // "14 children were among the dead"; "the dead" elsewhere is not the count's predicate
            return toks.get(m - 2).is("among") ? CATEGORY.get(t.lower) : null;
        }
        if (t.is("dead") && m > 0 && toks.get(m - 1).is("the")) return null;
        // "have taken refuge", "sought shelter", "lost their homes"
        if ((t.is("refuge") || t.is("shelter")) && m > 0 && (toks.get(m - 1).is("taken") || toks.get(m - 1).is("took")
            || toks.get(m - 1).is("sought") || toks.get(m - 1).is("seeking") || toks.get(m - 1).is("found"))) return FigureCategory.DISPLACED;
        if (t.is("lost") && m + 2 < n && toks.get(m + 1).is("their") && (toks.get(m + 2).is("homes") || toks.get(m + 2).is("home"))) return FigureCategory.DISPLACED;
        // "forced from their homes", "driven out of their villages", "forced to leave", "crossed into neighbouring countries"
        if (DRIVE_OUT.contains(t.lower) && outOfHomes(toks, m + 1)) return FigureCategory.DISPLACED;
        if ((t.is("leave") || t.is("abandon")) && m >= 2 && toks.get(m - 1).is("to") && FORCED.contains(toks.get(m - 2).lower)) {
            return FigureCategory.DISPLACED;
        }
        if (t.is("crossed") || t.is("crossing")) {
            // as refugees: "into neighbouring countries", not troops crossing into a named country
            for (int j = m + 1; j + 1 < n && j <= m + 5; j++) {
                if ((toks.get(j).is("neighbouring") || toks.get(j).is("neighboring")) && !toks.get(j + 1).cap()) return FigureCategory.DISPLACED;
                if (!toks.get(j).word) break;
            }
        }
        if (t.is("killing") || t.is("wounding") || t.is("injuring")) {
            // "13 people died, killing ..." belongs to the next number
            return null;
        }
        return CATEGORY.get(t.lower);
    }

    private static final Set<String> DRIVE_OUT = Rules.CASUALTIES.set("drive-out");
    private static final Set<String> FORCED = Rules.CASUALTIES.set("forced");
    private static final Set<String> DWELLINGS = Rules.CASUALTIES.set("dwellings");

    /** "from their homes", "out of the area", "from the village": a place people live, right after token i. */
    private static boolean outOfHomes(List<Token> toks, int i) {
        int n = toks.size();
        if (i < n && toks.get(i).is("out") && i + 1 < n && toks.get(i + 1).is("of")) i += 2;
        else if (i < n && toks.get(i).is("from")) i++;
        else return false;
        for (int j = i; j < n && j <= i + 2; j++) {
            if (DWELLINGS.contains(toks.get(j).lower)) return true;
            if (!toks.get(j).word) return false;
        }
        return false;
    }

    private static final Set<String> LIST_PREP = Rules.CASUALTIES.set("list-prep");
    private static final Set<String> LIST_AFTER = Rules.CASUALTIES.set("list-after");
    private static final Set<String> ADMIN_AREA = Rules.CASUALTIES.set("admin-area");
    private static final Set<String> LIST_BREAK = Rules.CASUALTIES.set("list-break");

    /**
     * An elliptical list item "[,|and|, and] N in/at [the] Place" whose gap back to the end of the previous figure of the
     * sentence (char offset prevEnd) is only a locative phrase ("in Aville", "in Moscow on Monday") and the separator.
     * Returns the token after the place, or -1.
     */
    private static int continuation(List<Token> toks, int qStart, int npEnd, int prevEnd, int sentStart) {
        int n = toks.size();
        int p = npEnd;
        if (p >= n || !(toks.get(p).is("in") || toks.get(p).is("at"))) return -1;
        p++;
        if (p < n && toks.get(p).is("the")) p++;
        if (p >= n || !toks.get(p).cap() || toks.get(p).sentenceStart) return -1;
        int placeEnd = Math.min(n, p + 8);
        p++;
        // "St. Petersburg", "Port Lamar", "Ivano-Frankivsk" (a bounded look-ahead)
        while (p < placeEnd && !toks.get(p).sentenceStart && (toks.get(p).cap()
            || (toks.get(p).punct('.') || toks.get(p).punct('-')) && p + 1 < n && toks.get(p + 1).cap() && !toks.get(p + 1).sentenceStart)) p++;
        if (p < n && ADMIN_AREA.contains(toks.get(p).lower)) p++;   // "in the Btown region"
        // the item ends there (",", "and", "on Tuesday", end of sentence), it has no predicate of its own
        if (p < n && toks.get(p).word && !toks.get(p).sentenceStart && !toks.get(p).is("and") && !toks.get(p).is("or")
            && !LIST_PREP.contains(toks.get(p).lower) && !LIST_AFTER.contains(toks.get(p).lower)) return -1;
        int s = qStart - 1;
        if (s >= 0 && toks.get(s).is("and")) s--;
        if (s >= 0 && toks.get(s).punct(',')) s--;
        if (s == qStart - 1) return -1;   // no list separator
        int g = s, words = 0;
        while (g >= 0 && g >= sentStart && toks.get(g).start >= prevEnd) {
            Token t = toks.get(g);
            if (t.number || !t.word && !t.punct('.') && !t.punct('-') && !Norm.isApostrophe(t.text.charAt(0))) return -1;
            if (SAY.contains(t.lower) || LIST_BREAK.contains(t.lower) || MODALS.contains(t.lower) || ++words > 10) return -1;
            g--;
        }
        if (g + 1 <= s && !LIST_PREP.contains(toks.get(g + 1).lower)) return -1;
        return p;
    }

    private static final Set<String> RESUME = Rules.CASUALTIES.set("resume");

    /**
     * An aside opened at token m (a spaced dash, "(", or ","), closed by the same mark within 16 tokens, after which the
     * clause resumes with an auxiliary or a category word: returns the closing token, else -1.
     */
    private static int asideEnd(List<Token> toks, int m) {
        Token o = toks.get(m);
        boolean dash = (o.punct('\u2013') || o.punct('\u2014') || o.punct('-')) && o.spaceBefore;
        boolean paren = o.punct('(');
        boolean comma = o.punct(',');
        if (!dash && !paren && !comma) return -1;
        int n = toks.size();
        for (int c = m + 1; c < n && c <= m + 16; c++) {
            Token t = toks.get(c);
            if (t.sentenceStart || t.punct(';') || t.punct('.') || t.punct(':')) return -1;
            boolean closes = dash ? (t.punct('\u2013') || t.punct('\u2014') || t.punct('-')) && t.spaceBefore
                : paren ? t.punct(')') : t.punct(',');
            if (!closes) {
                if (paren && t.punct('(') || !paren && t.punct(')')) return -1;
                continue;
            }
            if (c == m + 1 || c + 1 >= n) return -1;
            Token r = toks.get(c + 1);
            return RESUME.contains(r.lower) || category(toks, c + 1) != null ? c : -1;
        }
        return -1;
    }

    /** Verbs of "claimed the lives of N", "claimed N lives", "cost N lives". */
    private static final Set<String> TAKE_LIVES = Rules.CASUALTIES.set("take-lives");

    private static final Set<String> KIN = Rules.CASUALTIES.set("kin");

    /** "mother of five", "mother-of-five": a kinship noun and "of" right before the number. */
    private static boolean familySize(List<Token> toks, int i) {
        int m = i - 1;
        if (m >= 0 && toks.get(m).punct('-') && !toks.get(m).spaceBefore) m--;
        if (m < 1 || !toks.get(m).is("of")) return false;
        m--;
        if (m >= 1 && toks.get(m).punct('-') && !toks.get(m).spaceBefore) m--;
        return KIN.contains(toks.get(m).lower);
    }

    /**
     * "Relief 4455 said", "Flight 816 was found": digits right after a capitalised word inside a sentence and followed by
     * a lower-case word are part of a name. A title-case headline ("Quake Kills 212 In ...") is not: there the next word
     * is capitalised too, and a capitalised category verb, qualifier or function word ("Kills 212", "To 58") is no name.
     */
    private static boolean numberInName(List<Token> toks, int from, int to) {
        if (from < 1 || to >= toks.size() || !toks.get(from).number) return false;
        Token p = toks.get(from - 1), nx = toks.get(to);
        if (!p.cap() || p.sentenceStart || p.lineStart || !nx.word || nx.number || Norm.isUpperInitial(nx.text)) return false;
        String w = p.lower;
        return !NP_STOP.contains(w) && !CATEGORY.containsKey(w) && !ACTIVE_VERBS.contains(w) && !QUAL1.containsKey(w)
            && !w.equals("least") && !w.equals("toll");
    }

    private static final Set<String> MODALS = Rules.CASUALTIES.set("modals");
    private static final Set<String> MODAL_STOP = Rules.CASUALTIES.set("modal-stop");

    /** A modal in the few words before the count ("could kill up to", "could sicken thousands and kill up to"). */
    private static boolean modalBefore(List<Token> toks, int qStart, int sentStart) {
        int stops = 0;
        for (int m = qStart - 1; m >= sentStart && m >= 0 && m >= qStart - 6; m--) {
            Token t = toks.get(m);
            if (!t.word) return false;
            if (MODALS.contains(t.lower)) return true;
            if (t.is("have") || t.is("has") || t.is("had")) return false;
            if (t.is("and")) { if (++stops > 1) return false; continue; }
            if (MODAL_STOP.contains(t.lower)) return false;
        }
        return false;
    }

    private static final Set<String> PERSON_NOUNS = Rules.CASUALTIES.set("person-nouns");

    private static boolean personNoun(String w) {
        return w != null && PERSON_NOUNS.contains(w);
    }

    private static String subject(List<String> np, List<String> text) {
        if (np.isEmpty()) return null;
        // drop a trailing category word used as the predicate ("5 dead") unless it is the whole phrase
        int n = np.size();
        if (n > 1 && CATEGORY.containsKey(np.get(n - 1)) && !personNoun(np.get(n - 1))) n--;
        return String.join(" ", text.subList(0, n));
    }

    /** Qualifier words ending right before token i: returns {start token, ordinal} or null. */
    private static int[] qualifier(List<Token> toks, int i) {
        String w1 = i >= 1 ? toks.get(i - 1).lower : "";
        String w2 = i >= 2 ? toks.get(i - 2).lower + " " + w1 : "";
        String w3 = i >= 3 ? toks.get(i - 3).lower + " " + w2 : "";
        Qualifier q;
        if ((q = QUAL3.get(w3)) != null) return new int[] {i - 3, q.ordinal()};
        if ((q = QUAL2.get(w2)) != null) return new int[] {i - 2, q.ordinal()};
        if ((q = QUAL1.get(w1)) != null) {
            // "some" / "over" only as quantifiers, i.e. directly before the number
            return new int[] {i - 1, q.ordinal()};
        }
        return null;
    }

    private static final Map<String, Qualifier> QUAL1 = new HashMap<>();
    private static final Map<String, Qualifier> QUAL2 = new HashMap<>();
    private static final Map<String, Qualifier> QUAL3 = new HashMap<>();

    static {
        // one, two or three words before the number (casualties.tsv, list qualifiers)
        Rules.CASUALTIES.map("qualifiers").forEach((phrase, q) -> {
            int words = phrase.split(" ").length;
            (words == 1 ? QUAL1 : words == 2 ? QUAL2 : QUAL3).put(phrase, Qualifier.valueOf(q));
        });
    }

    // ---------------------------------------------------------------- attribution

    private static final Set<String> SAY = Rules.CASUALTIES.set("say");

    private static String attribution(List<Token> toks, int sentStart, String body) {
        int n = toks.size();
        int sentEnd = sentStart + 1;
        while (sentEnd < n && !toks.get(sentEnd).sentenceStart && sentEnd < sentStart + 120) sentEnd++;
        // "according to X" / "... by X"
        for (int i = sentStart; i + 1 < sentEnd; i++) {
            if (toks.get(i).is("according") && toks.get(i + 1).is("to")) {
                int s = i + 2, e = s;
                while (e < sentEnd && !(CLAUSE_END.contains(toks.get(e).text) && !toks.get(e).word)) e++;
                for (int m = s; m < e; m++) if (toks.get(m).is("by")) s = m + 1;
                while (s < e && (toks.get(s).is("the") || toks.get(s).is("a") || toks.get(s).is("an"))) s++;
                if (s < e) return body.substring(toks.get(s).start, toks.get(e - 1).end);
            }
        }
        // "X said" / "said X"
        for (int i = sentStart; i < sentEnd; i++) {
            Token t = toks.get(i);
            if (!SAY.contains(t.lower)) continue;
            if (livesAfter(toks, i, sentEnd)) continue;   // "the blast claimed the lives of 40": not a source
            int e = i, s = i;
            while (s > sentStart && s > i - 6) {
                Token p = toks.get(s - 1);
                if (!p.word && !p.punct('\'') && !p.punct('\u2019')) break;
                if (p.is("has") || p.is("have") || p.is("had") || p.is("was") || p.is("also") || p.is("later")) {
                    if (s == i) { s--; e = s; continue; }
                    break;
                }
                if (p.number || NP_STOP.contains(p.lower) && !p.is("the")) break;
                s--;
            }
            while (s < e && (toks.get(s).is("the") || !toks.get(s).word || toks.get(s).is("s")
                || !Norm.isUpperInitial(toks.get(s).text) && hasCapital(toks, s, e))) s++;
            if (s < e) return body.substring(toks.get(s).start, toks.get(e - 1).end);
            // "said X"
            int a = i + 1, b = a;
            while (b < sentEnd && b < a + 6 && toks.get(b).word && Norm.isUpperInitial(toks.get(b).text)) b++;
            if (b > a) return body.substring(toks.get(a).start, toks.get(b - 1).end);
        }
        return null;
    }

    private static boolean livesAfter(List<Token> toks, int i, int sentEnd) {
        if (!TAKE_LIVES.contains(toks.get(i).lower)) return false;
        for (int j = i + 1; j < sentEnd && j <= i + 4; j++) if (toks.get(j).is("lives")) return true;
        return false;
    }

    private static boolean hasCapital(List<Token> toks, int s, int e) {
        for (int i = s; i < e; i++) if (toks.get(i).word && Norm.isUpperInitial(toks.get(i).text)) return true;
        return false;
    }

    // ---------------------------------------------------------------- dedupe

    /** One figure per (category, count, range) in an article: the headline and the body give the same number. */
    private static List<CasualtyFigure> dedupe(List<CasualtyFigure> in) {
        List<CasualtyFigure> out = new ArrayList<>(in.size());
        Map<String, Integer> seen = new HashMap<>();
        for (CasualtyFigure f : in) {
            String k = f.getCategory() + ":" + f.getCount() + ":" + f.getMax();
            Integer at = seen.get(k);
            if (at == null) { seen.put(k, out.size()); out.add(f); continue; }
            CasualtyFigure o = out.get(at);
            if (o.getQualifier() == Qualifier.EXACT && f.getQualifier() != Qualifier.EXACT
                || o.getAttribution() == null && f.getAttribution() != null && o.getQualifier() == f.getQualifier()) {
                out.set(at, f);
            }
        }
        return out;
    }
}
